namespace DetectorDaq.Files;

/// <summary>Which convention a tomography file follows.</summary>
public enum TomographyLayout
{
    /// <summary>Data Exchange: <c>/exchange/data</c>, <c>data_dark</c>, <c>data_white</c>, <c>theta</c>.</summary>
    DataExchange,

    /// <summary>NeXus: an NXdetector holding <c>data</c> and <c>image_key</c> (NXtomo; also our own files).</summary>
    Nexus,
}

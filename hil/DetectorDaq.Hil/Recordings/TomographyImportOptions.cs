namespace DetectorDaq.Hil.Recordings;

/// <summary>How <see cref="TomographyImporter"/> turns detector counts into input currents.</summary>
public sealed record TomographyImportOptions
{
    /// <summary>DDC264 150 pC range: the largest full-scale charge, C.</summary>
    public const double Ddc264FullScaleCoulombs = 150e-12;

    /// <summary>Integration period the current is integrated over, ns; also the recording's sample period. Default 1 ms.</summary>
    public long IntegrationPeriodNanoseconds { get; init; } = 1_000_000;

    /// <summary>Full-scale charge of the ADC range, C. Default the DDC264 150 pC range.</summary>
    public double FullScaleCoulombs { get; init; } = Ddc264FullScaleCoulombs;

    /// <summary>Fraction of full scale the largest count of the file reaches (0…1]. Default 0.8.</summary>
    public double FullScaleFraction { get; init; } = 0.8;

    /// <summary>Amperes per count; when set it replaces the scale derived from the other options.</summary>
    public double? AmperesPerCount { get; init; }
}

using DetectorDaq.Hil.Recordings;

namespace DetectorDaq.Hil.Runner;

/// <summary>Opens whatever a user hands to replay: our HDF5 recordings, CT scans (Data Exchange, NeXus) and OpenBCI CSV captures.</summary>
public static class RecordingLoader
{
    /// <summary>Reads <paramref name="path"/> as a recording, whatever its format.</summary>
    /// <exception cref="RecordingException">Missing, corrupt or of no supported format; one line.</exception>
    public static Recording Load(string path, long ctIntegrationPeriodNanoseconds = 1_000_000)
    {
        if (!File.Exists(path))
        {
            throw new RecordingException(path, "file not found");
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".csv" or ".txt")
        {
            return OpenBciCsvImporter.Import(path);
        }

        return RecordingReader.IsRecording(path)
            ? RecordingReader.Read(path)
            : TomographyImporter.Import(path, new TomographyImportOptions { IntegrationPeriodNanoseconds = ctIntegrationPeriodNanoseconds });
    }
}

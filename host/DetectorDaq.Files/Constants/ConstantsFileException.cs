namespace DetectorDaq.Files.Constants;

/// <summary>A calibration-constants file cannot be read or written: its one-line message names the file and the problem.</summary>
public sealed class ConstantsFileException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/> with <paramref name="problem"/> (newlines are flattened).</summary>
    public ConstantsFileException(string path, string problem, Exception? inner = null)
        : base($"{path}: {TomographyFileException.OneLine(problem)}", inner)
    {
        FilePath = path;
    }

    /// <summary>The file concerned.</summary>
    public string FilePath { get; }
}

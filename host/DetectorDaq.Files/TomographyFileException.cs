namespace DetectorDaq.Files;

/// <summary>A tomography input file cannot be used: its one-line message names the file and the problem.</summary>
public sealed class TomographyFileException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/> with <paramref name="problem"/> (newlines are flattened).</summary>
    public TomographyFileException(string path, string problem, Exception? inner = null)
        : base($"{path}: {OneLine(problem)}", inner)
    {
        FilePath = path;
    }

    /// <summary>The file concerned.</summary>
    public string FilePath { get; }

    internal static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

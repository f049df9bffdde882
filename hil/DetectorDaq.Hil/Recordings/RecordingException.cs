namespace DetectorDaq.Hil.Recordings;

/// <summary>A recording file is missing, empty, corrupt or not in the expected format; the message is one line naming the file.</summary>
public sealed class RecordingException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/> with what is wrong in <paramref name="problem"/>.</summary>
    public RecordingException(string path, string problem, Exception? innerException = null)
        : base($"{path}: {problem.ReplaceLineEndings(" ")}", innerException)
    {
        Path = path;
    }

    /// <summary>The file that could not be read or written.</summary>
    public string Path { get; }
}

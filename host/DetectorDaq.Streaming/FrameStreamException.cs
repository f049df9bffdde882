namespace DetectorDaq.Streaming;

/// <summary>The live stream cannot start or run: bad URL, address in use, socket failure. The message is one line.</summary>
public sealed class FrameStreamException : Exception
{
    /// <summary>Creates the exception with a one-line <paramref name="message"/>.</summary>
    public FrameStreamException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

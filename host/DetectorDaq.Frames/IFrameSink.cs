namespace DetectorDaq.Frames;

/// <summary>Takes detector frames in frame-number order: a file writer, a live stream, a corrector.</summary>
public interface IFrameSink : IDisposable
{
    /// <summary>Takes one frame; the frame is reused after the call returns.</summary>
    void Write(DetectorFrame frame);

    /// <summary>No more frames come: flush and close what the sink writes.</summary>
    void Complete();
}

using DetectorDaq.Frames;

namespace DetectorDaq.Receiver.Aggregation;

/// <summary>A detector frame waiting for its modules.</summary>
internal sealed class PendingFrame
{
    public DetectorFrame? Frame { get; set; }

    public ulong FrameNumber { get; set; }

    /// <summary>Bit m: module index m delivered.</summary>
    public ulong Delivered { get; set; }
}

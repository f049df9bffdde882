namespace DetectorDaq.Streaming;

/// <summary>How <see cref="ZeroMqFrameStream"/> publishes.</summary>
public sealed record FrameStreamOptions
{
    /// <summary>Detector id written into every header (<c>detector_id</c>).</summary>
    public string DetectorId { get; init; } = "detdaq";

    /// <summary>
    /// Frames that may wait between acquisition and the socket (1…1024). When all are waiting, the next
    /// frame is dropped and counted instead of blocking acquisition.
    /// </summary>
    public int QueueCapacity { get; init; } = 8;

    /// <summary>
    /// ZeroMQ send high-water mark per subscriber (1…10000), in message parts: a frame is two parts.
    /// A PUB socket silently drops messages for a subscriber whose queue is full; those drops are not
    /// visible to the publisher and are not in <see cref="ZeroMqFrameStream.FramesDropped"/>.
    /// </summary>
    public int SendHighWaterMark { get; init; } = 64;
}

namespace DetectorDaq.Streaming;

/// <summary>The header fields of one queued frame, copied out of the pooled <see cref="Frames.DetectorFrame"/>.</summary>
internal struct FrameMetadata
{
    public ulong FrameNumber;
    public ulong TimestampNanoseconds;
    public int ImageKey;
    public bool Complete;
    public ulong CompleteModules;
    public bool IntegratorSideB;
}

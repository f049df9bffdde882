namespace DetectorDaq.Receiver.Aggregation;

/// <summary>A snapshot of a <see cref="DetectorFrameAssembler"/>'s counters.</summary>
public sealed record AssemblerStatistics
{
    /// <summary>Detector frames handed to <see cref="DetectorFrameAssembler.Frames"/> (complete + incomplete).</summary>
    public long FramesEmitted { get; init; }

    /// <summary>Emitted frames with every packet of every module.</summary>
    public long FramesComplete { get; init; }

    /// <summary>Emitted frames with a module or packets missing.</summary>
    public long FramesIncomplete { get; init; }

    /// <summary>Detector frames never built because the frame pool was empty (the consumer is too slow); their module frames are discarded.</summary>
    public long FramesDroppedNoPoolFrame { get; init; }

    /// <summary>Module frames from module ids not in the geometry, or with a channel count that does not match it.</summary>
    public long UnknownModuleFrames { get; init; }

    /// <summary>Per module, in <see cref="Frames.DetectorGeometry.Modules"/> order.</summary>
    public required IReadOnlyList<ModuleAlignmentStatistics> Modules { get; init; }
}

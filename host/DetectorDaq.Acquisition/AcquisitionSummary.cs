using DetectorDaq.Receiver;
using DetectorDaq.Receiver.Aggregation;

namespace DetectorDaq.Acquisition;

/// <summary>What a run delivered, and what it lost on the way.</summary>
public sealed record AcquisitionSummary
{
    /// <summary>The NeXus file written.</summary>
    public required string OutputPath { get; init; }

    /// <summary>Frames the plan asked for.</summary>
    public required long FramesExpected { get; init; }

    /// <summary>Frames written to the file (complete or not).</summary>
    public required long FramesWritten { get; init; }

    /// <summary>Frames with every packet of every module.</summary>
    public required long FramesComplete { get; init; }

    /// <summary>Frames the file holds as missing (never delivered).</summary>
    public required long FramesMissing { get; init; }

    /// <summary>Frames flat-fielded in the stream.</summary>
    public required long FramesCalibrated { get; init; }

    /// <summary>Frames published on the live stream.</summary>
    public required long FramesStreamed { get; init; }

    /// <summary>Wall time from Start to the last frame.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>Per module: its id and its receiver's counters.</summary>
    public required IReadOnlyList<(int ModuleId, ReceiverStatistics Statistics)> Modules { get; init; }

    /// <summary>Counters of the aggregation across modules.</summary>
    public required AssemblerStatistics Aggregation { get; init; }

    /// <summary>Why the run ended early, or null when it ran to its end.</summary>
    public string? FaultReason { get; init; }

    /// <summary>Frames per second written.</summary>
    public double FramesPerSecond => Duration > TimeSpan.Zero ? FramesWritten / Duration.TotalSeconds : 0;

    /// <summary>Packets lost over all modules.</summary>
    public long LostPackets => Modules.Sum(module => module.Statistics.LostPackets);

    /// <summary>Share of the expected frames that arrived complete.</summary>
    public double CompleteFraction => FramesExpected == 0 ? 1 : (double)FramesComplete / FramesExpected;
}

namespace DetectorDaq.Receiver.Aggregation;

/// <summary>How one module kept up with the others, since the assembler was built.</summary>
public sealed record ModuleAlignmentStatistics
{
    /// <summary>The module.</summary>
    public int ModuleId { get; init; }

    /// <summary>Module frames accepted into detector frames.</summary>
    public long FramesAccepted { get; init; }

    /// <summary>Module frames that came after their detector frame had left (discarded).</summary>
    public long LateFrames { get; init; }

    /// <summary>Detector frames that left without this module.</summary>
    public long MissingFrames { get; init; }

    /// <summary>Frame numbers the module skipped.</summary>
    public long SkippedFrames { get; init; }

    /// <summary>Times its numbering went back (restarts).</summary>
    public long Restarts { get; init; }

    /// <summary>Times it started lagging.</summary>
    public long LagEvents { get; init; }

    /// <summary>True while it lags.</summary>
    public bool Lagging { get; init; }
}

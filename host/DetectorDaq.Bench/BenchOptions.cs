namespace DetectorDaq.Bench;

/// <summary>How long and how large the measurements are.</summary>
public sealed record BenchOptions
{
    /// <summary>A few seconds in all instead of a few minutes: smaller data, shorter repeats, fewer frames.</summary>
    public bool Quick { get; init; }

    /// <summary>Starts a memory probe as a child process for a frame count and whether the NeXus writer runs; returns its peak RSS, MB. Null: probe in this process (figures then include what ran before).</summary>
    public Func<MemoryProbeRequest, double>? RunMemoryProbe { get; init; }

    /// <summary>Lines of progress ("calibrate …") as the stages run; null for none.</summary>
    public Action<string>? Progress { get; init; }
}

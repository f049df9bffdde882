using System.Text.Json.Serialization;

namespace DetectorDaq.Bench;

/// <summary>Peak resident set of the receive → aggregate → calibrate chain for a short and a ten-times-longer run, and the NeXus writer's growth.</summary>
public sealed record MemoryResult
{
    /// <summary>Frames of the short run.</summary>
    public long FramesShort { get; init; }

    /// <summary>Frames of the long run (ten times the short one).</summary>
    public long FramesLong { get; init; }

    /// <summary>Peak RSS of the short run without the file writer, MB.</summary>
    public double RssShortMb { get; init; }

    /// <summary>Peak RSS of the long run without the file writer, MB (goal ≤ 1.2 × short).</summary>
    public double RssLongMb { get; init; }

    /// <summary><see cref="RssLongMb"/> / <see cref="RssShortMb"/>.</summary>
    public double LongToShort { get; init; }

    /// <summary>Peak RSS of the short run with the NeXus writer, MB.</summary>
    public double WriterRssShortMb { get; init; }

    /// <summary>Peak RSS of the long run with the NeXus writer, MB.</summary>
    public double WriterRssLongMb { get; init; }

    /// <summary>Growth of the peak RSS with the writer per 1000 frames, MB (PureHDF 2.2.0 keeps written chunks until the file closes).</summary>
    [JsonPropertyName("writer_growth_mb_per_1000_frames")]
    public double WriterGrowthMbPer1000Frames { get; init; }

    /// <summary>True when each figure came from its own child process.</summary>
    public bool ChildProcesses { get; init; }
}

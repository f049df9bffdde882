using System.Text.Json;
using System.Text.Json.Serialization;

namespace DetectorDaq.Bench;

/// <summary>Every figure of one <c>detdaq bench</c> run; serialises to snake_case JSON (<c>{"calibrate": {"samples_per_s": …}, …}</c>).</summary>
public sealed record BenchReport
{
    /// <summary>Goal for <see cref="CalibrateResult.RatioToMemcpy"/>.</summary>
    public const double CalibrateRatioGoal = 0.5;

    /// <summary>Goal for <see cref="IngestResult.RatioToBaseline"/>.</summary>
    public const double IngestRatioGoal = 0.8;

    /// <summary>Goal for <see cref="MemoryResult.LongToShort"/>.</summary>
    public const double MemoryGrowthGoal = 1.2;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Where it ran.</summary>
    public required MachineInfo Machine { get; init; }

    /// <summary>True for a --quick run (smaller, shorter; figures noisier).</summary>
    public bool Quick { get; init; }

    /// <summary>Calibration kernel.</summary>
    public required CalibrateResult Calibrate { get; init; }

    /// <summary>Calibration chain in the acquisition stream.</summary>
    [JsonPropertyName("stream_chain")]
    public required StreamChainResult StreamChain { get; init; }

    /// <summary>UDP ingest.</summary>
    public required IngestResult Ingest { get; init; }

    /// <summary>Whole chain.</summary>
    [JsonPropertyName("end_to_end")]
    public required EndToEndResult EndToEnd { get; init; }

    /// <summary>Peak memory.</summary>
    public required MemoryResult Memory { get; init; }

    /// <summary>The report as one JSON object.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}

using System.Text.Json.Serialization;

namespace DetectorDaq.Bench;

/// <summary>Calibration kernel throughput, samples per second (one 20-bit code in, one float out).</summary>
public sealed record CalibrateResult
{
    /// <summary>Channels per frame.</summary>
    public int Channels { get; init; }

    /// <summary>Frames per batch.</summary>
    public int FramesPerBatch { get; init; }

    /// <summary>SIMD kernel, one core, batch in cache.</summary>
    public double SamplesPerS { get; init; }

    /// <summary>Copy of the same input and output bytes, one core, in cache.</summary>
    public double MemcpySamplesPerS { get; init; }

    /// <summary><see cref="SamplesPerS"/> / <see cref="MemcpySamplesPerS"/> (goal ≥ 0.5).</summary>
    public double RatioToMemcpy { get; init; }

    /// <summary>Scalar reference kernel, one core, in cache.</summary>
    public double ScalarSamplesPerS { get; init; }

    /// <summary>SIMD kernel, one core, data streamed from memory.</summary>
    public double OutOfCacheSamplesPerS { get; init; }

    /// <summary>Copy of the same bytes streamed from memory.</summary>
    public double OutOfCacheMemcpySamplesPerS { get; init; }

    /// <summary><see cref="OutOfCacheSamplesPerS"/> / <see cref="OutOfCacheMemcpySamplesPerS"/>.</summary>
    public double OutOfCacheRatioToMemcpy { get; init; }

    /// <summary>Batch split over one worker, out of cache.</summary>
    [JsonPropertyName("samples_per_s_1_core")]
    public double SamplesPerS1Core { get; init; }

    /// <summary>Batch split over two workers, out of cache.</summary>
    [JsonPropertyName("samples_per_s_2_cores")]
    public double SamplesPerS2Cores { get; init; }

    /// <summary><see cref="SamplesPerS2Cores"/> / <see cref="SamplesPerS1Core"/> (2.0 is perfect).</summary>
    [JsonPropertyName("scaling_2_cores")]
    public double Scaling2Cores { get; init; }
}

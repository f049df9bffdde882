namespace DetectorDaq.Bench;

/// <summary>Throughput of the calibration chain in the acquisition stream, samples (pixel values) per second, one core.</summary>
public sealed record StreamChainResult
{
    /// <summary>Pixels per detector frame.</summary>
    public int Channels { get; init; }

    /// <summary>Modules, each with its own constants.</summary>
    public int Modules { get; init; }

    /// <summary>The full chain (offset, nonlinearity, gain, interpolation, lag, flat normalisation).</summary>
    public double SamplesPerS { get; init; }

    /// <summary>The plain stream flat-field on the same frames: the baseline.</summary>
    public double FlatFieldSamplesPerS { get; init; }

    /// <summary><see cref="SamplesPerS"/> / <see cref="FlatFieldSamplesPerS"/>.</summary>
    public double RatioToFlatField { get; init; }
}

namespace DetectorDaq.Calibration.Chain;

/// <summary>
/// Limits of <see cref="BadChannelClassifier"/> and the detections of the analyses. Statistical limits
/// are per chip and side: a value is out of range when it lies more than n·σ from the chip's median,
/// σ = 1.4826 · MAD (median absolute deviation), but at least <see cref="SigmaFloorCodes"/> so a very
/// uniform chip does not flag channels for sub-code differences; for the noise also at least the scatter
/// of a noise estimate from N dark frames, median/√(2(N−1)). Hard limits apply on top.
/// </summary>
public sealed record BadChannelCriteria
{
    /// <summary>Channels per chip, the group of the statistical limits (64 for the DDC264).</summary>
    public int ChipChannels { get; init; } = 64;

    /// <summary>Offset limit around the chip median, in σ.</summary>
    public double OffsetSigmas { get; init; } = 5;

    /// <summary>Noise limit around the chip median, in σ.</summary>
    public double NoiseSigmas { get; init; } = 5;

    /// <summary>Smallest σ used for the statistical limits, codes.</summary>
    public double SigmaFloorCodes { get; init; } = 0.5;

    /// <summary>Lowest acceptable offset, codes.</summary>
    public double OffsetMinimumCodes { get; init; } = double.NegativeInfinity;

    /// <summary>Highest acceptable offset, codes.</summary>
    public double OffsetMaximumCodes { get; init; } = double.PositiveInfinity;

    /// <summary>Lowest acceptable dark noise, codes rms.</summary>
    public double NoiseMinimumCodes { get; init; }

    /// <summary>Highest acceptable dark noise, codes rms.</summary>
    public double NoiseMaximumCodes { get; init; } = double.PositiveInfinity;

    /// <summary>Lowest acceptable relative gain.</summary>
    public double GainMinimum { get; init; } = 0.5;

    /// <summary>Highest acceptable relative gain.</summary>
    public double GainMaximum { get; init; } = 1.5;

    /// <summary>A channel whose flat signal is below this fraction of the module median is dead.</summary>
    public double DeadSignalFraction { get; init; } = 0.1;

    /// <summary>A flat frame reaching this code (the converter's top code: 65535 for 16 bits) marks the channel saturated.</summary>
    public int SaturationCode { get; init; } = 65535;

    /// <summary>Largest residual of the nonlinearity fit, relative to the signal at the highest exposure.</summary>
    public double NonlinearityResidualLimit { get; init; } = 1e-3;

    /// <summary>
    /// Largest departure of the raw response from a straight line, relative to the signal at the highest exposure.
    /// 0.3 %: a DDC264 within its datasheet INL (±0.025 % of reading, SBAS368) departs by well under 0.1 %.
    /// </summary>
    public double LinearityDeviationLimit { get; init; } = 0.003;
}

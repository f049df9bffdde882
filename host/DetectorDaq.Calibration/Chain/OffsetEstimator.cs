namespace DetectorDaq.Calibration.Chain;

/// <summary>How <see cref="DarkAnalysis"/> estimates a channel's offset from its dark frames.</summary>
public enum OffsetEstimator
{
    /// <summary>Arithmetic mean: the least noisy estimate for Gaussian noise.</summary>
    Mean,

    /// <summary>Median: robust against single frames hit by spikes (for example direct hits in the dark).</summary>
    Median,
}

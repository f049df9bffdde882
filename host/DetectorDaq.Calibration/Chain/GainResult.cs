namespace DetectorDaq.Calibration.Chain;

/// <summary>Result of a <see cref="GainAnalysis"/>; arrays are side-major.</summary>
/// <param name="Gain">Relative gain per channel and side: signal / module median signal (1 = median).</param>
/// <param name="FlatMean">Mean flat code per channel and side.</param>
/// <param name="Signal">Flat mean minus offset per channel and side, codes.</param>
/// <param name="MedianSignal">Module median of <paramref name="Signal"/> over channels without flags, codes.</param>
/// <param name="Flags">Per channel and side: <see cref="Constants.BadChannelFlags.Dead"/>, <see cref="Constants.BadChannelFlags.Saturated"/> and the confirmed <see cref="Constants.BadChannelFlags.Stuck"/>.</param>
public sealed record GainResult(float[] Gain, float[] FlatMean, float[] Signal, double MedianSignal, uint[] Flags);

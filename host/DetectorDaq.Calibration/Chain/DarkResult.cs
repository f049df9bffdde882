namespace DetectorDaq.Calibration.Chain;

/// <summary>Result of a <see cref="DarkAnalysis"/>; arrays are side-major (all channels of side A, then B).</summary>
/// <param name="Offset">Offset per channel and side, codes (0 where there was no dark data).</param>
/// <param name="Noise">Standard deviation of the darks per channel and side, codes.</param>
/// <param name="Flags">Per channel and side: <see cref="Constants.BadChannelFlags.NoDarkData"/> and <see cref="Constants.BadChannelFlags.Stuck"/>.</param>
/// <param name="FrameCounts">Dark frames per side.</param>
public sealed record DarkResult(float[] Offset, float[] Noise, uint[] Flags, int[] FrameCounts);

namespace DetectorDaq.Calibration.Chain;

/// <summary>Flat frames taken at one exposure level.</summary>
/// <param name="RelativeExposure">Exposure of the level relative to the others (&gt; 0; for example tube current × time).</param>
/// <param name="Frames">The flat frames of the level.</param>
public sealed record FlatLevel(double RelativeExposure, IReadOnlyList<SidedFrame> Frames);

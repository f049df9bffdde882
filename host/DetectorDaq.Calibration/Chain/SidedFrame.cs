namespace DetectorDaq.Calibration.Chain;

/// <summary>One frame of raw codes of a module in module-channel order, and the integrator side (0 = A, 1 = B) that produced it.</summary>
/// <param name="Codes">Raw codes, one per module channel.</param>
/// <param name="Side">Integrator side, 0 or 1.</param>
public readonly record struct SidedFrame(int[] Codes, int Side);

namespace DetectorDaq.Calibration.Chain;

/// <summary>Result of a <see cref="NonlinearityAnalysis"/>; arrays are side-major.</summary>
/// <param name="Order">Polynomial order.</param>
/// <param name="Coefficients">Per channel and side, <paramref name="Order"/> + 1 coefficients c0…cn mapping offset-subtracted codes x to linear codes Σ cᵢ·xⁱ (identity where the fit failed).</param>
/// <param name="Residual">Largest fit residual per channel and side, relative to the signal at the highest exposure.</param>
/// <param name="Deviation">Largest departure of the raw response from the straight line, relative to the signal at the highest exposure.</param>
/// <param name="Flags">Per channel and side: <see cref="Constants.BadChannelFlags.NonlinearResponse"/>.</param>
public sealed record NonlinearityResult(int Order, float[] Coefficients, float[] Residual, float[] Deviation, uint[] Flags);

using MathNet.Numerics;

namespace DetectorDaq.Calibration.Chain;

/// <summary>
/// Measures the lag model that <see cref="LagCorrection"/> removes: the amplitudes aₙ of the impulse
/// response h(0) = 1, h(m) = Σₙ aₙ·exp(−bₙ·m), for chosen decay rates bₙ, from a falling step — the beam
/// held on long enough for the signal to settle at L, then switched off at frame 0.
/// <para>
/// With the true signal S before frame 0 and 0 from it on, the lagged signal is x(k) = S·Σₙ aₙ·gₙ(k) for k ≥ 0,
/// where gₙ(k) = exp(−bₙ·(k+1)) / (1 − exp(−bₙ)), and L = S + x(0) = S·(1 + Σₙ aₙ·gₙ(0)) before the step. So
/// r(k) = x(k)/L = Σₙ Aₙ·gₙ(k) is linear in Aₙ = aₙ / (1 + Σₘ aₘ·gₘ(0)): a linear least-squares fit
/// (Math.NET <c>Fit.LinearCombination</c>) gives Aₙ, and aₙ = Aₙ / (1 − Σₘ Aₘ·gₘ(0)).
/// </para>
/// Rates are chosen, not fitted: with them fixed the fit is linear and cannot wander; a production line
/// takes them from the sensor's datasheet or a one-off study and measures the amplitudes per module.
/// </summary>
public static class LagModelFit
{
    /// <summary>
    /// Fits the amplitudes for <paramref name="rates"/> (per frame) to <paramref name="afterStep"/>, the dark-subtracted
    /// signal of the frames from the step on, and <paramref name="settled"/>, the dark-subtracted signal settled before it.
    /// </summary>
    /// <exception cref="ArgumentException">No rate, a rate not positive, fewer frames than rates, or a settled signal that is not positive.</exception>
    public static float[] FitAmplitudes(ReadOnlySpan<double> afterStep, double settled, ReadOnlySpan<float> rates)
    {
        if (rates.Length == 0 || afterStep.Length < rates.Length)
        {
            throw new ArgumentException($"a lag fit of {rates.Length} terms needs at least that many frames after the step; {afterStep.Length} given");
        }

        if (!(settled > 0))
        {
            throw new ArgumentException($"the signal before the step must be positive to fit the lag, not {settled}");
        }

        var decay = new double[rates.Length];
        for (var n = 0; n < rates.Length; n++)
        {
            decay[n] = rates[n] > 0 ? Math.Exp(-rates[n]) : throw new ArgumentException($"lag rate {rates[n]} per frame is not positive");
        }

        var frames = Enumerable.Range(0, afterStep.Length).Select(k => (double)k).ToArray();
        var ratio = afterStep.ToArray().Select(value => value / settled).ToArray();
        var basis = decay.Select(d => (Func<double, double>)(k => Math.Pow(d, k + 1) / (1 - d))).ToArray();
        var scaled = Fit.LinearCombination(frames, ratio, basis);
        var sum = 0.0;
        for (var n = 0; n < decay.Length; n++)
        {
            sum += scaled[n] * decay[n] / (1 - decay[n]);
        }

        return scaled.Select(value => (float)(value / (1 - sum))).ToArray();
    }
}

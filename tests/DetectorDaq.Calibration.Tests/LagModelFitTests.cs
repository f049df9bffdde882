using DetectorDaq.Calibration.Chain;

namespace DetectorDaq.Calibration.Tests;

/// <summary>
/// The lag model measured from a falling step: a detector whose impulse response is known lags a beam
/// switched off after a long exposure; the fit must return the amplitudes, and the correction with the
/// fitted model must give back the step.
/// </summary>
public sealed class LagModelFitTests
{
    private const double Signal = 600_000;
    private const int Settle = 400;
    private const int After = 200;
    private static readonly float[] Amplitudes = [0.01f, 0.002f];
    private static readonly float[] Rates = [0.5f, 0.05f];

    [Test]
    public void NoiseFreeStep_GivesTheAmplitudesBack()
    {
        var lagged = LaggedStep(noise: 0, seed: 1);

        var fitted = LagModelFit.FitAmplitudes(lagged.AsSpan(Settle), lagged[Settle - 1], Rates);

        Assert.That(fitted[0], Is.EqualTo(Amplitudes[0]).Within(1e-6));
        Assert.That(fitted[1], Is.EqualTo(Amplitudes[1]).Within(1e-6));
    }

    [Test]
    public void NoisyStep_FitCorrectsTheLagToWithinTheNoise()
    {
        // 6.6 codes rms, the DDC264's noise, on a 600 000-code step.
        var lagged = LaggedStep(noise: 6.6, seed: 2);
        var settled = lagged.AsSpan(Settle - 50, 50).ToArray().Average();

        var fitted = LagModelFit.FitAmplitudes(lagged.AsSpan(Settle), settled, Rates);
        var correction = new LagCorrection(1, fitted, Rates);
        var corrected = new float[1];
        var worstAfterStep = 0.0;
        for (var k = 0; k < lagged.Length; k++)
        {
            corrected[0] = (float)lagged[k];
            correction.Apply(corrected);
            if (k >= Settle)
            {
                worstAfterStep = Math.Max(worstAfterStep, Math.Abs(corrected[0]));
            }
        }

        TestContext.Out.WriteLine($"fitted {fitted[0]:G4}, {fitted[1]:G4}; largest residual after the step {worstAfterStep:F1} codes (uncorrected first frame {lagged[Settle]:F0})");
        Assert.That(fitted[0], Is.EqualTo(Amplitudes[0]).Within(Amplitudes[0] * 0.02));
        Assert.That(fitted[1], Is.EqualTo(Amplitudes[1]).Within(Amplitudes[1] * 0.02));
        Assert.That(worstAfterStep, Is.LessThan(6 * 6.6));
    }

    [TestCase(new float[0], "needs at least")]
    [TestCase(new[] { -0.1f }, "not positive")]
    public void BadRates_AreRejected(float[] rates, string message)
    {
        var exception = Assert.Throws<ArgumentException>(() => LagModelFit.FitAmplitudes(new double[10], 1, rates));

        Assert.That(exception!.Message, Does.Contain(message));
    }

    // The detector's output for a beam on from frame 0 to Settle − 1 and off after: the true signal convolved
    // with the impulse response h(0) = 1, h(m) = Σ aₙ·exp(−bₙ·m), plus white noise.
    private static double[] LaggedStep(double noise, int seed)
    {
        var random = new Random(seed);
        var lagged = new double[Settle + After];
        for (var k = 0; k < lagged.Length; k++)
        {
            var sum = 0.0;
            for (var source = 0; source <= Math.Min(k, Settle - 1); source++)
            {
                var m = k - source;
                var h = m == 0 ? 1.0 : Amplitudes.Select((a, n) => a * Math.Exp(-Rates[n] * m)).Sum();
                sum += Signal * h;
            }

            lagged[k] = sum + (noise * Gaussian(random));
        }

        return lagged;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

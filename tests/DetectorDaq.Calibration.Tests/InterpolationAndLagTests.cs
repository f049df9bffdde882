using DetectorDaq.Calibration.Chain;
using DetectorDaq.Calibration.Constants;

namespace DetectorDaq.Calibration.Tests;

public sealed class InterpolationAndLagTests
{
    [Test]
    public void Interpolation_ReplacesBadChannelByMeanOfGoodFourNeighbours()
    {
        // 3 × 3, centre bad, its upper neighbour bad too: the centre takes the mean of the other three.
        uint[] mask = [0, 1, 0, 0, (uint)BadChannelFlags.Dead, 0, 0, 0, 0];
        var interpolation = new BadChannelInterpolation(3, 3, mask);
        float[] values = [1, 99, 3, 4, 99, 6, 7, 8, 9];

        interpolation.Apply(values);

        Assert.That(values[4], Is.EqualTo((4f + 6f + 8f) / 3f));
        Assert.That(values[1], Is.EqualTo((1f + 3f) / 2f), "top edge: left and right are its only good 4-neighbours");
        Assert.That(interpolation.MarkInterpolated(mask)[4], Is.EqualTo((uint)(BadChannelFlags.Dead | BadChannelFlags.Interpolated)));
    }

    [Test]
    public void Interpolation_WithoutGoodFourNeighbours_FallsBackToTheNearestRing()
    {
        // 1 row: channel 2's 4-neighbours 1 and 3 are bad, so the ring at distance 2 (channels 0 and 4) is used.
        uint[] mask = [0, 1, 1, 1, 0];
        var interpolation = new BadChannelInterpolation(1, 5, mask);
        float[] values = [10, 0, 0, 0, 30];

        interpolation.Apply(values);

        Assert.That(values[2], Is.EqualTo(20f));
        Assert.That(values[1], Is.EqualTo(10f));
        Assert.That(values[3], Is.EqualTo(30f));
    }

    [Test]
    public void Interpolation_OfChannelAlreadyMarkedInterpolated_KeepsIt()
    {
        var interpolation = new BadChannelInterpolation(1, 2, [(uint)BadChannelFlags.Interpolated, 0]);

        Assert.That(interpolation.ReplacedChannels.Length, Is.Zero);
    }

    [Test]
    public void LagCorrection_RemovesSumOfExponentialsLagFromStepResponse()
    {
        float[] amplitudes = [0.05f, 0.01f];
        float[] rates = [0.7f, 0.05f];
        var frames = 200;
        var truth = new double[frames];
        for (var k = 0; k < frames; k++)
        {
            truth[k] = k is >= 20 and < 120 ? 1000 : 0;
        }

        // Forward model by direct convolution: x(k) = Σ_j h(k − j)·y(j), h(0) = 1, h(m) = Σ aₙ·exp(−bₙ·m).
        var measured = new double[frames];
        for (var k = 0; k < frames; k++)
        {
            for (var j = 0; j <= k; j++)
            {
                measured[k] += Impulse(k - j, amplitudes, rates) * truth[j];
            }
        }

        // Independent inverse: forward substitution of the lower-triangular Toeplitz system.
        var inverse = new double[frames];
        for (var k = 0; k < frames; k++)
        {
            inverse[k] = measured[k];
            for (var j = 0; j < k; j++)
            {
                inverse[k] -= Impulse(k - j, amplitudes, rates) * inverse[j];
            }
        }

        var lag = new LagCorrection(1, amplitudes, rates);
        var value = new float[1];
        var worstAgainstTruth = 0.0;
        var worstAgainstInverse = 0.0;
        for (var k = 0; k < frames; k++)
        {
            value[0] = (float)measured[k];
            lag.Apply(value);
            worstAgainstTruth = Math.Max(worstAgainstTruth, Math.Abs(value[0] - truth[k]));
            worstAgainstInverse = Math.Max(worstAgainstInverse, Math.Abs(value[0] - inverse[k]));
        }

        Assert.That(measured[121], Is.GreaterThan(10), "the step leaves a lag that matters");
        Assert.That(worstAgainstTruth, Is.LessThan(1000 * 1e-5));
        Assert.That(worstAgainstInverse, Is.LessThan(1000 * 1e-5));
    }

    private static double Impulse(int m, float[] amplitudes, float[] rates)
    {
        if (m == 0)
        {
            return 1;
        }

        var h = 0.0;
        for (var n = 0; n < amplitudes.Length; n++)
        {
            h += amplitudes[n] * Math.Exp(-rates[n] * m);
        }

        return h;
    }
}

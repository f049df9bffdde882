using DetectorDaq.Calibration.Chain;
using DetectorDaq.Calibration.Constants;

namespace DetectorDaq.Calibration.Tests;

public sealed class AnalysisTests
{
    [Test]
    public void DarkAnalysis_MeanAndSampleStandardDeviation_MatchHandComputedValues()
    {
        var dark = new DarkAnalysis(3, 1);
        dark.Add([10, 5, 7], 0);
        dark.Add([12, 5, 9], 0);
        dark.Add([14, 5, 20], 0);

        var result = dark.Compute();

        // Channel 0: mean 12, deviations -2, 0, 2 → variance 8/2 = 4 → σ 2. Channel 2: mean 12, σ² = (25+9+64)/2 = 49.
        Assert.That(result.Offset, Is.EqualTo(new[] { 12f, 5f, 12f }).Within(1e-5f));
        Assert.That(result.Noise, Is.EqualTo(new[] { 2f, 0f, 7f }).Within(1e-5f));
        Assert.That(result.Flags, Is.EqualTo(new[] { 0u, (uint)BadChannelFlags.Stuck, 0u }));
    }

    [Test]
    public void GainAnalysis_ConfirmsStuckOnlyWhenFlatsReadTheDarkCode()
    {
        // Channel 0 stuck at 7; channel 1 ideal and noise-free: constant darks, but its flats differ.
        var dark = new DarkAnalysis(3, 1);
        dark.Add([7, 100, 10], 0);
        dark.Add([7, 100, 12], 0);
        var gain = new GainAnalysis(3, 1);
        gain.Add([7, 600, 511], 0);
        gain.Add([7, 600, 511], 0);

        var result = gain.Compute(dark.Compute(), new BadChannelCriteria());

        Assert.That(result.Flags, Is.EqualTo(new[] { (uint)BadChannelFlags.Stuck, 0u, 0u }));
    }

    [Test]
    public void DarkAnalysis_WithMedianEstimator_IgnoresASpike()
    {
        var dark = new DarkAnalysis(1, 1, OffsetEstimator.Median);
        foreach (var code in new[] { 10, 11, 9, 500, 10 })
        {
            dark.Add([code], 0);
        }

        Assert.That(dark.Compute().Offset[0], Is.EqualTo(10f));
    }

    [Test]
    public void DarkAnalysis_SideWithoutFrames_IsFlaggedNoDarkData()
    {
        var dark = new DarkAnalysis(2, 2);
        dark.Add([1, 2], 0);
        dark.Add([2, 3], 0);

        var result = dark.Compute();

        Assert.That(result.Flags, Is.EqualTo(new[] { 0u, 0u, (uint)BadChannelFlags.NoDarkData, (uint)BadChannelFlags.NoDarkData }));
        Assert.That(result.FrameCounts, Is.EqualTo(new[] { 2, 0 }));
    }

    [Test]
    public void GainAnalysis_NormalisesToModuleMedian_AndFlagsDeadAndSaturated()
    {
        var dark = new DarkAnalysis(4, 1);
        dark.Add([9, 10, 9, 9], 0);
        dark.Add([11, 12, 11, 11], 0);
        var darkResult = dark.Compute();
        var gain = new GainAnalysis(4, 1);
        gain.Add([110, 211, 13, 1000], 0);
        gain.Add([110, 211, 11, 1023], 0);

        var result = gain.Compute(darkResult, new BadChannelCriteria { SaturationCode = 1023 });

        // Signals 100, 200, 2, (saturated, excluded from the median): median of 100, 200, 2 is 100.
        Assert.That(result.Signal.Take(3), Is.EqualTo(new[] { 100f, 200f, 2f }).Within(1e-4f));
        Assert.That(result.MedianSignal, Is.EqualTo(100).Within(1e-9));
        Assert.That(result.Gain.Take(3), Is.EqualTo(new[] { 1f, 2f, 0.02f }).Within(1e-6f));
        Assert.That(result.Flags, Is.EqualTo(new[] { 0u, 0u, (uint)BadChannelFlags.Dead, (uint)BadChannelFlags.Saturated }));
    }

    [Test]
    public void NonlinearityAnalysis_QuadraticResponse_IsFittedExactlyOntoTheLineThroughTheTopLevel()
    {
        // Channel 0 linear; channel 1 codes x = 250…1000 at exposures ∝ x + 1e-4·x². The targets are
        // e/e_top · x_top = (x + 1e-4·x²) / 1.1, so the exact polynomial is c = (0, 1/1.1, 1e-4/1.1).
        var dark = new DarkAnalysis(2, 1);
        dark.Add([99, 99], 0);
        dark.Add([101, 101], 0);
        var analysis = new NonlinearityAnalysis(2, 1, order: 2);
        foreach (var x in new[] { 250.0, 500, 750, 1000 })
        {
            analysis.AddLevel(x + (1e-4 * x * x), [(float)(100 + (1.1 * x) + (1.1e-4 * x * x)), (float)(100 + x)]);
        }

        var result = analysis.Compute(dark.Compute(), new BadChannelCriteria { LinearityDeviationLimit = 0.02 });

        Assert.That(result.Coefficients.Take(3), Is.EqualTo(new[] { 0f, 1f, 0f }).Within(1e-4f));
        Assert.That(result.Coefficients[3], Is.EqualTo(0f).Within(1e-3f));
        Assert.That(result.Coefficients[4], Is.EqualTo(1 / 1.1f).Within(1e-5f));
        Assert.That(result.Coefficients[5], Is.EqualTo(1e-4f / 1.1f).Within(1e-9f));
        Assert.That(result.Residual[1], Is.LessThan(1e-5f));
        // Largest departure at x = 500: target 525 / 1.1 = 477.27, |500 − 477.27| / 1000 = 0.0227.
        Assert.That(result.Deviation[1], Is.EqualTo(0.02273f).Within(1e-4f));
        Assert.That(result.Flags, Is.EqualTo(new[] { 0u, (uint)BadChannelFlags.NonlinearResponse }));
    }
}

using DetectorDaq.Calibration.Chain;

namespace DetectorDaq.Calibration.Tests;

/// <summary>
/// End to end on the HIL's virtual DDC264 with injected defects: constants from its darks and flats
/// must flag exactly the injected channels and calibrate projections to the ideal transmission.
/// </summary>
public sealed class HilEndToEndTests
{
    /// <summary>Stated tolerance on good channels; measured ≈ 2.5e-4 (1 code rms noise on ≥ 13 000 codes of signal).</summary>
    private const double RelativeTolerance = 1e-3;

    [Test]
    public void InjectedDefects_AreFlagged_AndProjectionsMatchTheIdealSignal()
    {
        var module = new HilModule();
        module.InjectTypicalDefects();
        var constants = module.Calibrate();

        var flagged = Enumerable.Range(0, HilModule.Rows * HilModule.Columns).Where(c => constants.BadChannels[c] != 0).ToArray();
        Assert.That(flagged, Is.EqualTo(HilModule.Injected));

        module.Exposure = 1;
        var chain = new CalibrationChain(constants, new CalibrationChainOptions { FlatField = CalibrationChain.FlatFieldFrom(constants, module.Frames(40)) });
        module.Transmission = Transmission;
        var output = new float[HilModule.Rows * HilModule.Columns];
        var worst = 0.0;
        for (var p = 0; p < 60; p++)
        {
            var frameIndex = module.NextFrame;
            var projection = module.Frames(1)[0];
            chain.Apply(projection.Codes, projection.Side, output);
            for (var channel = 0; channel < output.Length; channel++)
            {
                if (!HilModule.Injected.Contains(channel))
                {
                    var ideal = Transmission(channel, frameIndex);
                    worst = Math.Max(worst, Math.Abs(output[channel] - ideal) / ideal);
                }
            }
        }

        TestContext.Out.WriteLine($"largest relative error on good channels: {worst:E2}");
        Assert.That(worst, Is.LessThan(RelativeTolerance));
    }

    [Test]
    public void HealthyHilModule_WithSideMismatch_HasNoBadChannel()
    {
        var module = new HilModule();
        module.Defects.SideBOffsetCodes = 120;
        module.Defects.SideBGainError = 0.03;

        var constants = module.Calibrate();

        Assert.That(constants.BadChannels, Is.All.Zero);
        Assert.That(constants.Offset[constants.Index(0, 1)] - constants.Offset[constants.Index(0, 0)], Is.EqualTo(120).Within(1));
    }

    [Test]
    public void TemperatureDrift_ShiftsTheDarkOffset()
    {
        var module = new HilModule();
        module.Defects.OffsetDriftCodesPerCelsius = 2;
        var cold = DarkMean(module);

        module.Defects.TemperatureCelsius = module.Defects.ReferenceTemperatureCelsius + 5;

        Assert.That(DarkMean(module) - cold, Is.EqualTo(10).Within(0.5));
    }

    internal static double Transmission(int channel, long frame) => 0.3 + (0.6 * (0.5 + (0.5 * Math.Sin((channel * 0.1) + (frame * 0.05)))));

    private static double DarkMean(HilModule module)
    {
        module.Exposure = 0;
        return module.Frames(20).Average(frame => frame.Codes.Average());
    }
}

using DetectorDaq.Calibration.Chain;
using DetectorDaq.Calibration.Constants;

namespace DetectorDaq.Calibration.Tests;

public sealed class ClassificationAndChainTests
{
    private static readonly double[] Exposures = [0.25, 0.5, 0.75, 1.0];

    [Test]
    public void HealthyModule_HasNoBadChannel()
    {
        var module = new SyntheticModule(4, 32, 2, seed: 11);

        var constants = Build(module);

        Assert.That(BadChannels(constants), Is.Empty);
    }

    [Test]
    public void InjectedDefects_AreExactlyTheFlaggedChannels()
    {
        var module = new SyntheticModule(4, 32, 2, seed: 12);
        module.Dead[5] = true;
        module.Noise[40] = 25;
        module.Noise[module.Channels + 40] = 25;
        module.Bow[77] = 0.08;
        module.Stuck[100] = 3000;
        module.Gain[127] = 0.3;

        var constants = Build(module);

        Assert.That(BadChannels(constants), Is.EqualTo(new[] { 5, 40, 77, 100, 127 }));
        Assert.That(Flags(constants, 5).HasFlag(BadChannelFlags.Dead), Is.True);
        Assert.That(Flags(constants, 40).HasFlag(BadChannelFlags.NoiseOutOfRange), Is.True);
        Assert.That(Flags(constants, 77).HasFlag(BadChannelFlags.NonlinearResponse), Is.True);
        Assert.That(Flags(constants, 100).HasFlag(BadChannelFlags.Stuck), Is.True);
        Assert.That(Flags(constants, 127).HasFlag(BadChannelFlags.GainOutOfRange), Is.True);
        Assert.That(Flags(constants, 5).HasFlag(BadChannelFlags.Interpolated), Is.True);
    }

    [Test]
    public void SideMismatch_IsCorrectedPerSide()
    {
        // Side B reads 150 codes higher and 4 % more (SyntheticModule); both sides must calibrate to the same value.
        var module = new SyntheticModule(2, 16, 2, seed: 13);
        Array.Fill(module.Noise, 0.4);
        var constants = Build(module);
        var chain = new CalibrationChain(constants, new CalibrationChainOptions { Lag = false });
        var a = new float[module.Channels];
        var b = new float[module.Channels];

        chain.Apply(module.Frame(0, 0.6).Codes, 0, a);
        chain.Apply(module.Frame(1, 0.6).Codes, 1, b);

        for (var channel = 0; channel < module.Channels; channel++)
        {
            Assert.That(b[channel], Is.EqualTo(a[channel]).Within(a[channel] * 1e-3), $"channel {channel}");
        }

        Assert.That(constants.Offset[constants.Index(3, 1)] - constants.Offset[constants.Index(3, 0)], Is.EqualTo(module.Offset[module.Channels + 3] - module.Offset[3]).Within(1));
    }

    [Test]
    public void Chain_WithFlatFieldAndMinusLog_GivesLineIntegralsOfKnownTransmission()
    {
        var module = new SyntheticModule(2, 16, 2, seed: 14);
        var constants = Build(module);
        var flat = CalibrationChain.FlatFieldFrom(constants, module.Frames(40, 1.0));
        var chain = new CalibrationChain(constants, new CalibrationChainOptions { FlatField = flat, MinusLog = true });
        var output = new float[module.Channels];

        chain.Apply(module.Frame(0, 1.0, channel => Math.Exp(-0.01 * channel)).Codes, 0, output);

        for (var channel = 0; channel < module.Channels; channel++)
        {
            // Noise 2 codes on ≥ 29 000 codes of signal: |Δ(−ln)| ≲ 2e-4.
            Assert.That(output[channel], Is.EqualTo(0.01 * channel).Within(5e-4), $"channel {channel}");
        }
    }

    [Test]
    public void Chain_WithReferenceChannel_DividesByIt()
    {
        var module = new SyntheticModule(1, 8, 1, seed: 15);
        Array.Fill(module.Noise, 0.4);
        var constants = Build(module);
        var chain = new CalibrationChain(constants, new CalibrationChainOptions { ReferenceChannel = 0 });
        var output = new float[module.Channels];

        chain.Apply(module.Frame(0, 0.5, channel => channel == 0 ? 1 : 0.5).Codes, 0, output);

        Assert.That(output[0], Is.EqualTo(1f));
        Assert.That(output.Skip(1), Is.All.EqualTo(0.5f).Within(1e-3f));
    }

    [Test]
    public void Chain_Apply_DoesNotAllocate()
    {
        var module = new SyntheticModule(4, 32, 2, seed: 16);
        var constants = Build(module) with { LagAmplitudes = [0.02f], LagRates = [0.5f] };
        var flat = CalibrationChain.FlatFieldFrom(constants, module.Frames(4, 1.0));
        var chain = new CalibrationChain(constants, new CalibrationChainOptions { FlatField = flat, MinusLog = true });
        var frame = module.Frame(0, 0.5);
        var output = new float[module.Channels];
        chain.Apply(frame.Codes, 0, output);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            chain.Apply(frame.Codes, i % 2, output);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    private static CalibrationConstants Build(SyntheticModule module) => ConstantsBuilder.Build(new ConstantsBuildRequest
    {
        ModuleSerial = "SYN-1",
        Conditions = new CalibrationConditions(25, 1_000_000, "12.5pC"),
        ValidFrom = new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero),
        Rows = module.Rows,
        Columns = module.Columns,
        Sides = module.Sides,
        Darks = module.Frames(100, 0),
        Flats = Exposures.Select(e => new FlatLevel(e, module.Frames(40, e))).ToList(),
        Criteria = new BadChannelCriteria { ChipChannels = 64 },
    });

    private static int[] BadChannels(CalibrationConstants constants) =>
        Enumerable.Range(0, constants.ChannelCount).Where(c => constants.BadChannels[c] != 0).ToArray();

    private static BadChannelFlags Flags(CalibrationConstants constants, int channel) => (BadChannelFlags)constants.BadChannels[channel];
}

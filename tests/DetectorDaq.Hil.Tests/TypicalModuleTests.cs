using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Hil.Chips.Ddc264;
using DetectorDaq.Hil.Controller;
using UnitsNet;

namespace DetectorDaq.Hil.Tests;

/// <summary>The typical production DDC264 module: datasheet noise, pedestal spread, side-B mismatch, reproducible from the serial.</summary>
[TestFixture]
public sealed class TypicalModuleTests
{
    private const int Frames = 2000;

    [Test]
    public void NoiseOfEachSide_IsTheDatasheets6Point3PpmOfFullScale()
    {
        var codes = DarkCodes(TypicalDdc264Module.Create(64, seed: 11));

        foreach (var side in new[] { 0, 1 })
        {
            // Pooled over channels: each channel's own mean removed, so the pedestal spread does not count.
            var variance = Enumerable.Range(0, 64).Average(channel => Variance(Column(codes, side, channel)));
            Assert.That(Math.Sqrt(variance), Is.EqualTo(6.3e-6 * (1 << 20)).Within(0.15), $"side {side}, codes rms");
        }
    }

    [Test]
    public void Pedestals_SpreadUniformlyAroundTheMean_AndSideBReadsItsOffset()
    {
        var codes = DarkCodes(TypicalDdc264Module.Create(64, seed: 12));

        var sideA = Enumerable.Range(0, 64).Select(channel => Column(codes, 0, channel).Average()).ToArray();
        var sideB = Enumerable.Range(0, 64).Select(channel => Column(codes, 1, channel).Average()).ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sideA, Is.All.InRange(4096 - 251, 4096 + 251));
            Assert.That(Math.Sqrt(Variance(sideA)), Is.EqualTo(250 / Math.Sqrt(3)).Within(30), "uniform ±250 codes");
            Assert.That(sideB.Zip(sideA, (b, a) => b - a).Average(), Is.EqualTo(TypicalDdc264Module.SideBOffsetCodes).Within(0.2));
        }
    }

    [Test]
    public void OneSerialNumber_AlwaysGivesTheSameModule()
    {
        var seed = TypicalDdc264Module.SeedFor("DDC-0001");
        var first = TypicalDdc264Module.Create(64, seed).Defects!;
        var again = TypicalDdc264Module.Create(64, seed).Defects!;
        var other = TypicalDdc264Module.Create(64, TypicalDdc264Module.SeedFor("DDC-0002")).Defects!;

        using (Assert.EnterMultipleScope())
        {
            // FNV-1a of the UTF-8 bytes: the same in every process, unlike string.GetHashCode.
            Assert.That(seed, Is.EqualTo(unchecked((int)0x42D9DDFAu)));
            Assert.That(again.Effective(7, false, Signals.TransferFunction.Ideal), Is.EqualTo(first.Effective(7, false, Signals.TransferFunction.Ideal)));
            Assert.That(other.Effective(7, false, Signals.TransferFunction.Ideal), Is.Not.EqualTo(first.Effective(7, false, Signals.TransferFunction.Ideal)));
        }
    }

    [Test]
    public void SimulatedController_BuildsItsChainFromTheModel()
    {
        var model = TypicalDdc264Module.Create(128, seed: 3);

        using var controller = new SimulatedController(new SimulatedControllerOptions(Ddc264Chips: 2) { Ddc264Model = model });

        Assert.That(controller.Fpga!.Defects, Is.SameAs(model.Defects));
        Assert.That(() => new SimulatedController(new SimulatedControllerOptions(Ddc264Chips: 1) { Ddc264Model = model }),
            Throws.ArgumentException.With.Message.Contains("128 channels"));
    }

    // Frames alternate sides from A; codes[frame][channel].
    private static int[][] DarkCodes(Ddc264ModuleModel model)
    {
        var chip = new VirtualDdc264((_, _) => ElectricCurrent.Zero, 0, model.SideA, model.SideB) { Defects = model.Defects };
        const int configuration = Ddc264Registers.ConfigRangeMask | Ddc264Registers.ConfigFormatMask;
        for (var bit = 15; bit >= 0; bit--)
        {
            chip.ClockConfigurationBit(((configuration >> bit) & 1) != 0);
        }

        var codes = new int[Frames][];
        for (var frame = 0; frame < Frames; frame++)
        {
            chip.Convert(frame, 100_000);
            codes[frame] = chip.Codes.ToArray();
        }

        return codes;
    }

    private static double[] Column(int[][] codes, int side, int channel) =>
        Enumerable.Range(0, Frames / 2).Select(pair => (double)codes[(2 * pair) + side][channel]).ToArray();

    private static double Variance(double[] values)
    {
        var mean = values.Average();
        return values.Sum(value => (value - mean) * (value - mean)) / (values.Length - 1);
    }

    [TestCase(-1)]
    [TestCase(64)]
    public void DefectOnAChannelOutsideTheModule_IsRejected(int channel)
    {
        var defects = new ChannelDefects(64);

        Assert.Throws<ArgumentOutOfRangeException>(() => defects.SetDead(channel));
        Assert.Throws<ArgumentOutOfRangeException>(() => defects.SetNoisy(channel, 10));
    }

    [Test]
    public void ForRun_KeepsTheChipsButDrawsOtherNoise()
    {
        var model = TypicalDdc264Module.Create(64, 5);

        var second = model.ForRun(2);

        Assert.That(second.Defects, Is.SameAs(model.Defects));
        Assert.That(second.SideA with { Seed = model.SideA.Seed }, Is.EqualTo(model.SideA));
        Assert.That(second.SideA.Seed, Is.Not.EqualTo(model.SideA.Seed));
        Assert.That(model.ForRun(2), Is.EqualTo(second));
    }
}

using DetectorDaq.Drivers.Tests.Fpga;
using DetectorDaq.Firmware.Ddc264;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Hil.Signals;
using UnitsNet;

namespace DetectorDaq.Drivers.Tests.Ddc264;

public sealed class VirtualDdc264AcquisitionTests
{
    private const long Period = 100_000;

    [Test]
    public void SidesAlternateFromSideAAfterReset()
    {
        using var rig = new FpgaRig(1);
        rig.Start(new Ddc264Configuration());
        rig.Run(4);

        var sides = Enumerable.Range(0, 4).Select(_ =>
        {
            rig.NextSamples();
            return rig.Frame.Side;
        });

        Assert.That(sides, Is.EqualTo(new[] { IntegratorSide.A, IntegratorSide.B, IntegratorSide.A, IntegratorSide.B }));
    }

    [Test]
    public void MismatchBetweenSides_ShowsInAlternateFrames()
    {
        var sideB = new TransferFunction(OffsetCodes: 250, GainError: 0, IntegralNonlinearity: 0, NoiseRmsCodes: 0);
        using var rig = new FpgaRig(2, Constant(ElectricCurrent.FromNanoamperes(300)), sideB: sideB);
        rig.Start(new Ddc264Configuration());
        rig.Run(2);

        var a = rig.NextSamples().ToArray();
        var b = rig.NextSamples().ToArray();

        Assert.That(b.Zip(a, (sideBCode, sideACode) => sideBCode - sideACode), Is.All.EqualTo(250));
    }

    // 150 pC full scale over 100 µs is 1.5 µA; 2^20 codes.
    [TestCase(0.0)]
    [TestCase(123.456)]
    [TestCase(750.0)]
    [TestCase(1499.0)]
    public void IdealChip_ReproducesAKnownCurrentWithinOneLsb(double nanoamperes)
    {
        using var rig = new FpgaRig(3, Constant(ElectricCurrent.FromNanoamperes(nanoamperes)));
        rig.Start(new Ddc264Configuration());
        rig.Run(1);

        var expected = nanoamperes * 1e-9 * Period * 1e-9 / 150e-12 * (1 << 20);

        Assert.That(rig.NextSamples(), Is.All.EqualTo(expected).Within(1.0));
    }

    [TestCase(Ddc264Range.Range12p5PicoCoulomb, 62.5)]
    [TestCase(Ddc264Range.Range50PicoCoulomb, 250.0)]
    [TestCase(Ddc264Range.Range100PicoCoulomb, 500.0)]
    public void Range_SetsTheFullScaleCharge(Ddc264Range range, double halfScaleNanoamperes)
    {
        using var rig = new FpgaRig(1, Constant(ElectricCurrent.FromNanoamperes(halfScaleNanoamperes)));
        rig.Start(new Ddc264Configuration { Range = range, Format = Ddc264Format.Bits16 });
        rig.Run(1);

        Assert.That(rig.NextSamples(), Is.All.EqualTo(1 << 15));
    }

    [TestCase(Ddc264Format.Bits20, (1 << 20) - 1)]
    [TestCase(Ddc264Format.Bits16, (1 << 16) - 1)]
    public void CurrentAboveFullScale_Saturates(Ddc264Format format, int fullScaleCode)
    {
        using var rig = new FpgaRig(1, Constant(ElectricCurrent.FromMicroamperes(5)));
        rig.Start(new Ddc264Configuration { Format = format });
        rig.Run(1);

        Assert.That(rig.NextSamples(), Is.All.EqualTo(fullScaleCode));
    }

    [Test]
    public void EachModuleChannelGetsItsOwnSignal()
    {
        using var rig = new FpgaRig(2, (channel, frame) => ElectricCurrent.FromNanoamperes(channel + (100 * frame)));
        rig.Start(new Ddc264Configuration { Range = Ddc264Range.Range50PicoCoulomb });
        rig.Run(2);

        rig.NextSamples();
        var second = rig.NextSamples();

        var lsbNanoamperes = 50e-12 / (1 << 20) / (Period * 1e-9) * 1e9;
        Assert.That(second.Select(code => code * lsbNanoamperes), Is.EqualTo(Enumerable.Range(0, 128).Select(channel => channel + 100.0)).Within(lsbNanoamperes));
    }

    private static CurrentSignal Constant(ElectricCurrent current) => (_, _) => current;
}

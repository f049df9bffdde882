using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Firmware.Net.Units;

namespace DetectorDaq.Firmware.Net.Tests;

public sealed class QuantityTests
{
    // SBAS950 Table 8-3: 1 LSB = 2.4 V / 2^24 / gain = 1.2 V / 2^23 / gain.
    [TestCase(0x7FFFFF, PgaGain.Gain1, 1.2 * (1 - 1.0 / 8388608))]
    [TestCase(-0x800000, PgaGain.Gain1, -1.2)]
    [TestCase(0x111111, PgaGain.Gain1, 0.15999999046325683)]
    [TestCase(0x400000, PgaGain.Gain2, 0.3)]
    [TestCase(0x400000, PgaGain.Gain128, 0.6 / 128)]
    [TestCase(1, PgaGain.Gain1, 1.430511474609375e-7)]
    [TestCase(0, PgaGain.Gain8, 0.0)]
    public void Ads131m08CodeConvertsToTheDatasheetVoltage(int code, PgaGain gain, double volts)
    {
        Assert.That(Ads131m08Quantities.ToVoltage(code, gain).Volts, Is.EqualTo(volts).Within(1e-12));
    }

    [Test]
    public void Ads131m08DcTestCodeIsAboutOneSixthOfTheReference()
    {
        Assert.That(Ads131m08Quantities.ToVoltage(0x111111, PgaGain.Gain1).Millivolts, Is.EqualTo(160).Within(0.001));
    }

    [TestCase((1 << 20) - 1, Ddc264Range.Range150PicoCoulomb, Ddc264Format.Bits20, 150 * (1 - 1.0 / (1 << 20)))]
    [TestCase((1 << 16) - 1, Ddc264Range.Range150PicoCoulomb, Ddc264Format.Bits16, 150 * (1 - 1.0 / (1 << 16)))]
    [TestCase(1 << 19, Ddc264Range.Range50PicoCoulomb, Ddc264Format.Bits20, 25.0)]
    [TestCase(1 << 14, Ddc264Range.Range100PicoCoulomb, Ddc264Format.Bits16, 25.0)]
    [TestCase(1 << 18, Ddc264Range.Range12p5PicoCoulomb, Ddc264Format.Bits20, 3.125)]
    [TestCase(0, Ddc264Range.Range150PicoCoulomb, Ddc264Format.Bits20, 0.0)]
    public void Ddc264CodeConvertsToChargeOfTheRange(int code, Ddc264Range range, Ddc264Format format, double picocoulombs)
    {
        Assert.That(Ddc264Quantities.ToCharge(code, range, format).Picocoulombs, Is.EqualTo(picocoulombs).Within(1e-9));
    }

    [Test]
    public void Ddc264FullScaleCodeAt150PicoCoulombRangeIsAbout150PicoCoulomb()
    {
        Assert.That(Ddc264Quantities.ToCharge(0xFFFFF, Ddc264Range.Range150PicoCoulomb, Ddc264Format.Bits20).Picocoulombs, Is.EqualTo(150).Within(0.001));
    }

    [TestCase(-1, Ddc264Format.Bits20)]
    [TestCase(1 << 20, Ddc264Format.Bits20)]
    [TestCase(1 << 16, Ddc264Format.Bits16)]
    public void Ddc264CodeOutsideTheFormatIsRejected(int code, Ddc264Format format)
    {
        Assert.That(() => Ddc264Quantities.ToCharge(code, Ddc264Range.Range50PicoCoulomb, format), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}

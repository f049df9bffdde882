using DetectorDaq.Firmware.Ddc264;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Drivers.Tests.Ddc264;

public sealed class Ddc264ConfigurationTests
{
    [TestCase(Ddc264Range.Range150PicoCoulomb, Ddc264Format.Bits20, false, false, false, false, (ushort)0x0700)] // TI EVM default
    [TestCase(Ddc264Range.Range12p5PicoCoulomb, Ddc264Format.Bits16, false, false, false, false, (ushort)0x0000)]
    [TestCase(Ddc264Range.Range50PicoCoulomb, Ddc264Format.Bits16, false, false, false, false, (ushort)0x0200)]
    [TestCase(Ddc264Range.Range100PicoCoulomb, Ddc264Format.Bits16, false, false, false, false, (ushort)0x0400)]
    [TestCase(Ddc264Range.Range12p5PicoCoulomb, Ddc264Format.Bits20, false, false, false, false, (ushort)0x0100)]
    [TestCase(Ddc264Range.Range12p5PicoCoulomb, Ddc264Format.Bits16, true, false, false, false, (ushort)0x2000)]
    [TestCase(Ddc264Range.Range12p5PicoCoulomb, Ddc264Format.Bits16, false, true, false, false, (ushort)0x0080)]
    [TestCase(Ddc264Range.Range12p5PicoCoulomb, Ddc264Format.Bits16, false, false, true, false, (ushort)0x0010)]
    [TestCase(Ddc264Range.Range12p5PicoCoulomb, Ddc264Format.Bits16, false, false, false, true, (ushort)0x0001)]
    [TestCase(Ddc264Range.Range150PicoCoulomb, Ddc264Format.Bits20, true, true, true, true, (ushort)0x2791)]
    public void ToWord_PutsEveryFieldAtItsBit(Ddc264Range range, Ddc264Format format, bool clock4x, bool speed, bool slew, bool test, ushort expected)
    {
        var configuration = new Ddc264Configuration { Range = range, Format = format, Clock4x = clock4x, Speed = speed, Slew = slew, TestMode = test };

        Assert.That(configuration.ToWord(), Is.EqualTo(expected));
        Assert.That(configuration.ToWord() & ~Ddc264Registers.WritableMask(Ddc264Registers.ConfigAddress), Is.Zero, "reserved bits stay 0");
    }

    [TestCase((ushort)0x0700)]
    [TestCase((ushort)0x2791)]
    [TestCase((ushort)0x0381)]
    public void FromWord_RoundTrips(ushort word)
    {
        Assert.That(Ddc264Configuration.FromWord(word).ToWord(), Is.EqualTo(word));
    }

    [Test]
    public void FromWord_DropsReservedBits()
    {
        Assert.That(Ddc264Configuration.FromWord(0xFFFF).ToWord(), Is.EqualTo(0x2791));
    }

    [Test]
    public void Default_IsTheEvmWord()
    {
        Assert.That(new Ddc264Configuration().ToWord(), Is.EqualTo(0x0700));
    }
}

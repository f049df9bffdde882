using DetectorDaq.Firmware.Ads131m08;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Drivers.Tests.Ads131m08;

public sealed class Ads131m08RegisterTests
{
    [TestCase(0x02, 0x3F1F)]
    [TestCase(0x03, 0xFFDF)]
    [TestCase(0x04, 0x7777)]
    [TestCase(0x05, 0x7777)]
    [TestCase(0x06, 0x1FFF)]
    [TestCase(0x07, 0xFFFF)]
    [TestCase(0x08, 0xFF0F)]
    [TestCase(0x09, 0xFFC7)]
    [TestCase(0x0A, 0xFFFF)]
    [TestCase(0x0B, 0xFF00)]
    [TestCase(0x0C, 0xFFFF)]
    [TestCase(0x0D, 0xFF00)]
    [TestCase(0x2C, 0xFFC7)]
    [TestCase(0x30, 0xFF00)]
    public void WriteThenRead_ReturnsTheValueWritten(int address, int writable)
    {
        using var bench = new Bench();
        var value = (ushort)(0x5A5A & writable & ~0x0300);

        bench.Driver.WriteRegister(address, value);

        Assert.That(bench.Driver.ReadRegister(address), Is.EqualTo(value));
    }

    [TestCase(0x04, 0x0008)]
    [TestCase(0x02, 0x4000)]
    [TestCase(0x0B, 0x0001)]
    [TestCase(0x09, 0x0038)]
    public void WriteWithReservedBits_IsRejectedBeforeAnyFrame(int address, int value)
    {
        using var bench = new Bench();

        Assert.Throws<ArgumentException>(() => bench.Driver.WriteRegister(address, (ushort)value));
        Assert.That(bench.Chip.FrameCount, Is.EqualTo(0));
    }

    [TestCase(0x00)]
    [TestCase(0x01)]
    [TestCase(0x31)]
    [TestCase(0x3D)]
    [TestCase(0x3E)]
    [TestCase(0x3F)]
    public void WriteToReadOnlyOrReservedAddress_IsRejected(int address)
    {
        using var bench = new Bench();

        Assert.Throws<ArgumentException>(() => bench.Driver.WriteRegister(address, 0));
        Assert.That(bench.Chip.FrameCount, Is.EqualTo(0));
    }

    [Test]
    public void ReadOutsideTheAddressSpace_IsRejected()
    {
        using var bench = new Bench();

        Assert.Throws<ArgumentOutOfRangeException>(() => bench.Driver.ReadRegister(0x40));
        Assert.Throws<ArgumentOutOfRangeException>(() => bench.Driver.ReadRegisters(0x3F, new ushort[2], 2));
    }

    [Test]
    public void MultiRegisterWriteAndRead_RoundTripInOneCommandEach()
    {
        using var bench = new Bench();
        var values = new ushort[] { 0x1234, 0x5600, 0x9ABC, 0xDE00 };

        bench.Driver.WriteRegisters(0x0F, values, 4);
        var framesBeforeRead = bench.Chip.FrameCount;
        var read = new ushort[4];
        bench.Driver.ReadRegisters(0x0F, read, 4);

        Assert.That(read, Is.EqualTo(values));
        Assert.That(bench.Chip.FrameCount - framesBeforeRead, Is.EqualTo(2));
    }

    [Test]
    public void LongMultiRegisterWrite_ExtendsTheFrameBeyondTenWords()
    {
        using var bench = new Bench();
        var values = new ushort[0x30 - 0x09 + 1];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (ushort)(Ads131m08Registers.WritableMask(0x09 + i) & (0x1111 * (i % 8)));
        }

        bench.Driver.WriteRegisters(0x09, values, values.Length);

        var read = new ushort[values.Length];
        bench.Driver.ReadRegisters(0x09, read, values.Length);
        Assert.That(read, Is.EqualTo(values));
    }

    [Test]
    public void ChannelSettings_LandInTheirFields()
    {
        using var bench = new Bench();

        bench.Driver.SetGain(5, PgaGain.Gain32);
        bench.Driver.SetChannelEnabled(6, false);
        bench.Driver.SetOversamplingRatio(OversamplingRatio.Osr4096);
        bench.Driver.SetPowerMode(PowerMode.LowPower);
        bench.Driver.SetPhase(3, -5);
        bench.Driver.SetInputMux(3, InputMux.Shorted);

        Assert.That(bench.Driver.ReadRegister(Ads131m08Registers.Gain2Address), Is.EqualTo(0x0050));
        Assert.That(bench.Driver.ReadGain(5), Is.EqualTo(PgaGain.Gain32));
        Assert.That(bench.Driver.ReadRegister(Ads131m08Registers.ClockAddress), Is.EqualTo(0xBF15));
        Assert.That(bench.Driver.ReadRegister(Ads131m08Registers.ChCfgAddress(3)), Is.EqualTo((0x3FB << 6) | 0x1));
        Assert.That(bench.Chip.DataRateHertz, Is.EqualTo(1000));
    }

    [TestCase(0)]
    [TestCase(1234567)]
    [TestCase(-1)]
    [TestCase(-8388608)]
    [TestCase(8388607)]
    public void OffsetCalibration_RoundTripsAs24BitTwosComplement(int offset)
    {
        using var bench = new Bench();

        bench.Driver.SetOffsetCalibration(4, offset);

        Assert.That(bench.Driver.ReadOffsetCalibration(4), Is.EqualTo(offset));
        Assert.That(bench.Driver.ReadRegister(Ads131m08Registers.ChOcalMsbAddress(4)), Is.EqualTo((ushort)((offset >> 8) & 0xFFFF)));
        Assert.That(bench.Driver.ReadRegister(Ads131m08Registers.ChOcalLsbAddress(4)), Is.EqualTo((ushort)((offset & 0xFF) << 8)));
    }

    [Test]
    public void GainCalibration_RoundTripsAndResetsToOne()
    {
        using var bench = new Bench();
        Assert.That(bench.Driver.ReadGainCalibration(7), Is.EqualTo(0x800000));

        bench.Driver.SetGainCalibration(7, 0xC00001);

        Assert.That(bench.Driver.ReadGainCalibration(7), Is.EqualTo(0xC00001));
        Assert.Throws<ArgumentOutOfRangeException>(() => bench.Driver.SetGainCalibration(7, 0x1000000));
    }

    [Test]
    public void Lock_RejectsWritesUntilUnlock()
    {
        using var bench = new Bench();
        bench.Driver.Lock();

        var error = Assert.Throws<Ads131m08Exception>(() => bench.Driver.SetGain(0, PgaGain.Gain8));
        Assert.That(error!.Error, Is.EqualTo(Ads131m08Error.Locked));
        Assert.That(bench.Driver.ReadStatus().Locked, Is.True);
        Assert.That(bench.Driver.ReadGain(0), Is.EqualTo(PgaGain.Gain1));
        Assert.That(Assert.Throws<Ads131m08Exception>(() => bench.Driver.Standby())!.Error, Is.EqualTo(Ads131m08Error.Locked));

        bench.Driver.Unlock();
        bench.Driver.SetGain(0, PgaGain.Gain8);

        Assert.That(bench.Driver.ReadGain(0), Is.EqualTo(PgaGain.Gain8));
        Assert.That(bench.Chip.IsLocked, Is.False);
    }

    [Test]
    public void WordLengthChange_IsFollowedByTheDriver()
    {
        using var bench = new Bench();

        foreach (var length in new[] { WordLength.Bits16, WordLength.Bits32ZeroPadded, WordLength.Bits32SignExtended, WordLength.Bits24 })
        {
            bench.Driver.SetWordLength(length);
            Assert.That(bench.Driver.ReadStatus().WordLength, Is.EqualTo(length));
            Assert.That(bench.Driver.ReadRegister(Ads131m08Registers.CfgAddress), Is.EqualTo(0x0600));
        }
    }
}

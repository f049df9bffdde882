using DetectorDaq.Firmware.Ads131m08;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Hil.Chips.Ads131m08;

namespace DetectorDaq.Drivers.Tests.Ads131m08;

public sealed class Ads131m08ResetTests
{
    // Reset values typed from SBAS950 Table 8-12 as transcribed in chips.md §A1, not from the catalog.
    [TestCase(0x01, 0x0500, TestName = "AfterReset_STATUS_Reads0500")]
    [TestCase(0x02, 0x0510, TestName = "AfterReset_MODE_Reads0510")]
    [TestCase(0x03, 0xFF0E, TestName = "AfterReset_CLOCK_ReadsFF0E")]
    [TestCase(0x04, 0x0000, TestName = "AfterReset_GAIN1_Reads0000")]
    [TestCase(0x05, 0x0000, TestName = "AfterReset_GAIN2_Reads0000")]
    [TestCase(0x06, 0x0600, TestName = "AfterReset_CFG_Reads0600")]
    [TestCase(0x07, 0x0000, TestName = "AfterReset_THRSHLD_MSB_Reads0000")]
    [TestCase(0x08, 0x0000, TestName = "AfterReset_THRSHLD_LSB_Reads0000")]
    [TestCase(0x09, 0x0000, TestName = "AfterReset_CH0_CFG_Reads0000")]
    [TestCase(0x0A, 0x0000, TestName = "AfterReset_CH0_OCAL_MSB_Reads0000")]
    [TestCase(0x0B, 0x0000, TestName = "AfterReset_CH0_OCAL_LSB_Reads0000")]
    [TestCase(0x0C, 0x8000, TestName = "AfterReset_CH0_GCAL_MSB_Reads8000")]
    [TestCase(0x0D, 0x0000, TestName = "AfterReset_CH0_GCAL_LSB_Reads0000")]
    [TestCase(0x0E, 0x0000, TestName = "AfterReset_CH1_CFG_Reads0000")]
    [TestCase(0x0F, 0x0000, TestName = "AfterReset_CH1_OCAL_MSB_Reads0000")]
    [TestCase(0x10, 0x0000, TestName = "AfterReset_CH1_OCAL_LSB_Reads0000")]
    [TestCase(0x11, 0x8000, TestName = "AfterReset_CH1_GCAL_MSB_Reads8000")]
    [TestCase(0x12, 0x0000, TestName = "AfterReset_CH1_GCAL_LSB_Reads0000")]
    [TestCase(0x13, 0x0000, TestName = "AfterReset_CH2_CFG_Reads0000")]
    [TestCase(0x14, 0x0000, TestName = "AfterReset_CH2_OCAL_MSB_Reads0000")]
    [TestCase(0x15, 0x0000, TestName = "AfterReset_CH2_OCAL_LSB_Reads0000")]
    [TestCase(0x16, 0x8000, TestName = "AfterReset_CH2_GCAL_MSB_Reads8000")]
    [TestCase(0x17, 0x0000, TestName = "AfterReset_CH2_GCAL_LSB_Reads0000")]
    [TestCase(0x18, 0x0000, TestName = "AfterReset_CH3_CFG_Reads0000")]
    [TestCase(0x19, 0x0000, TestName = "AfterReset_CH3_OCAL_MSB_Reads0000")]
    [TestCase(0x1A, 0x0000, TestName = "AfterReset_CH3_OCAL_LSB_Reads0000")]
    [TestCase(0x1B, 0x8000, TestName = "AfterReset_CH3_GCAL_MSB_Reads8000")]
    [TestCase(0x1C, 0x0000, TestName = "AfterReset_CH3_GCAL_LSB_Reads0000")]
    [TestCase(0x1D, 0x0000, TestName = "AfterReset_CH4_CFG_Reads0000")]
    [TestCase(0x1E, 0x0000, TestName = "AfterReset_CH4_OCAL_MSB_Reads0000")]
    [TestCase(0x1F, 0x0000, TestName = "AfterReset_CH4_OCAL_LSB_Reads0000")]
    [TestCase(0x20, 0x8000, TestName = "AfterReset_CH4_GCAL_MSB_Reads8000")]
    [TestCase(0x21, 0x0000, TestName = "AfterReset_CH4_GCAL_LSB_Reads0000")]
    [TestCase(0x22, 0x0000, TestName = "AfterReset_CH5_CFG_Reads0000")]
    [TestCase(0x23, 0x0000, TestName = "AfterReset_CH5_OCAL_MSB_Reads0000")]
    [TestCase(0x24, 0x0000, TestName = "AfterReset_CH5_OCAL_LSB_Reads0000")]
    [TestCase(0x25, 0x8000, TestName = "AfterReset_CH5_GCAL_MSB_Reads8000")]
    [TestCase(0x26, 0x0000, TestName = "AfterReset_CH5_GCAL_LSB_Reads0000")]
    [TestCase(0x27, 0x0000, TestName = "AfterReset_CH6_CFG_Reads0000")]
    [TestCase(0x28, 0x0000, TestName = "AfterReset_CH6_OCAL_MSB_Reads0000")]
    [TestCase(0x29, 0x0000, TestName = "AfterReset_CH6_OCAL_LSB_Reads0000")]
    [TestCase(0x2A, 0x8000, TestName = "AfterReset_CH6_GCAL_MSB_Reads8000")]
    [TestCase(0x2B, 0x0000, TestName = "AfterReset_CH6_GCAL_LSB_Reads0000")]
    [TestCase(0x2C, 0x0000, TestName = "AfterReset_CH7_CFG_Reads0000")]
    [TestCase(0x2D, 0x0000, TestName = "AfterReset_CH7_OCAL_MSB_Reads0000")]
    [TestCase(0x2E, 0x0000, TestName = "AfterReset_CH7_OCAL_LSB_Reads0000")]
    [TestCase(0x2F, 0x8000, TestName = "AfterReset_CH7_GCAL_MSB_Reads8000")]
    [TestCase(0x30, 0x0000, TestName = "AfterReset_CH7_GCAL_LSB_Reads0000")]
    [TestCase(0x31, 0x0000, TestName = "AfterReset_reserved_Reads0000")]
    [TestCase(0x38, 0x0000, TestName = "AfterReset_reserved_Reads0000")]
    [TestCase(0x3D, 0x0000, TestName = "AfterReset_reserved_Reads0000")]
    [TestCase(0x3E, 0x0000, TestName = "AfterReset_REGMAP_CRC_Reads0000")]
    [TestCase(0x3F, 0x0000, TestName = "AfterReset_RESERVED_Reads0000")]
    public void AfterResetCommand_RegisterReadsDatasheetResetValue(int address, int expected)
    {
        using var bench = new Bench();
        bench.Driver.WriteRegister(address is 0x02 ? 0x03 : 0x02, address is 0x02 ? (ushort)0x0F0E : (ushort)0x0110);
        bench.Driver.Reset();

        Assert.That(bench.Driver.ReadRegister(address), Is.EqualTo(expected));
    }

    [Test]
    public void DatasheetResetValues_MatchTheGeneratedRegisterMap()
    {
        using var bench = new Bench();
        bench.Driver.Reset();
        var values = new ushort[64];
        bench.Driver.ReadRegisters(0x00, values, 64);

        for (var address = 0x01; address < 64; address++)
        {
            Assert.That(values[address], Is.EqualTo(Ads131m08Registers.ResetValue(address)), $"address 0x{address:X2}");
        }
    }

    [Test]
    public void ResetCommand_IsAcknowledgedAndIdReads28xx()
    {
        using var bench = new Bench();
        bench.Driver.Reset();

        Assert.That(bench.Driver.ReadId(), Is.EqualTo(VirtualAds131m08.DefaultIdentification));
        Assert.That(bench.Driver.ReadId() >> 8, Is.EqualTo(0x28));
    }

    [Test]
    public void ResetCommand_ReturnsWordLengthTo24Bits()
    {
        using var bench = new Bench();
        bench.Driver.SetWordLength(WordLength.Bits32SignExtended);

        bench.Driver.Reset();

        Assert.That(bench.Driver.WordLength, Is.EqualTo(WordLength.Bits24));
        Assert.That(bench.Driver.ReadRegister(Ads131m08Registers.ModeAddress), Is.EqualTo(0x0510));
    }

    [Test]
    public void ResetCommandWhileLocked_IsRefusedButThePinResetUnlocks()
    {
        using var bench = new Bench();
        bench.Driver.SetWordLength(WordLength.Bits32SignExtended);
        bench.Driver.Lock();

        var error = Assert.Throws<Ads131m08Exception>(() => bench.Driver.Reset());
        Assert.That(error!.Error, Is.EqualTo(Ads131m08Error.Locked));
        Assert.That(bench.Driver.WordLength, Is.EqualTo(WordLength.Bits32SignExtended));

        bench.Driver.ResetWithPin();

        Assert.That(bench.Chip.IsLocked, Is.False);
        Assert.That(bench.Driver.ReadStatus().Locked, Is.False);
    }

    [Test]
    public void ResetWithPin_HoldsSyncResetLongEnoughAndRestoresRegisters()
    {
        using var bench = new Bench();
        bench.Driver.SetGain(2, PgaGain.Gain64);
        bench.Driver.SetWordLength(WordLength.Bits16);

        bench.Driver.ResetWithPin();

        Assert.That(bench.Clock.NowNanoseconds, Is.GreaterThanOrEqualTo(2048 * 1e9 / 8.192e6));
        Assert.That(bench.Driver.ReadRegister(Ads131m08Registers.Gain1Address), Is.EqualTo(0));
        Assert.That(bench.Driver.WordLength, Is.EqualTo(WordLength.Bits24));
    }

    [Test]
    public void ShortSyncPulse_DoesNotReset()
    {
        using var bench = new Bench();
        bench.Driver.SetGain(0, PgaGain.Gain4);

        bench.Chip.SyncReset.Write(false);
        bench.Clock.DelayMicroseconds(10);
        bench.Chip.SyncReset.Write(true);

        Assert.That(bench.Driver.ReadStatus().Resynchronized, Is.True);
        Assert.That(bench.Driver.ReadGain(0), Is.EqualTo(PgaGain.Gain4));
    }

    [Test]
    public void ResetFlag_StaysUntilModeResetIsCleared()
    {
        using var bench = new Bench();
        bench.Driver.Reset();
        Assert.That(bench.Driver.ReadStatus().ResetOccurred, Is.True);

        bench.Driver.ClearResetFlag();

        Assert.That(bench.Driver.ReadStatus().ResetOccurred, Is.False);
        Assert.That(bench.Driver.ReadRegister(Ads131m08Registers.ModeAddress) & 0x0400, Is.EqualTo(0));
        bench.Driver.Reset();
        Assert.That(bench.Driver.ReadStatus().ResetOccurred, Is.True);
    }
}

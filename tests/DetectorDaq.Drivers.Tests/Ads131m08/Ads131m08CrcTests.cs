using System.Text;
using DetectorDaq.Firmware.Ads131m08;
using DetectorDaq.Firmware.Crc;
using DetectorDaq.Firmware.Interfaces;
using Adc = DetectorDaq.Firmware.Ads131m08.Ads131m08;

namespace DetectorDaq.Drivers.Tests.Ads131m08;

public sealed class Ads131m08CrcTests
{
    private static readonly byte[] CheckInput = Encoding.ASCII.GetBytes("123456789");

    [Test]
    public void CcittCrc_HasTheCcittFalseCheckValue()
    {
        Assert.That(Crc16.Ccitt.Compute(CheckInput, 0, CheckInput.Length), Is.EqualTo(0x29B1));
    }

    [Test]
    public void AnsiCrc_MatchesABitwiseNonReflectedReference()
    {
        var expected = BitwiseCrc(CheckInput, 0x8005);

        Assert.That(Crc16.Ansi.Compute(CheckInput, 0, CheckInput.Length), Is.EqualTo(expected));
        Assert.That(expected, Is.EqualTo(0xAEE7));
    }

    [Test]
    public void WithInputCrcEnabled_CorruptedCrcSetsCrcErrAndCommandIsIgnored()
    {
        using var bench = new Bench();
        bench.Driver.SetInputCrcEnabled(true);

        // Word 1 of a 24-bit LOCK frame is its input CRC.
        bench.Bus.CorruptNextFrameByte(3);
        var error = Assert.Throws<Ads131m08Exception>(() => bench.Driver.Lock());

        Assert.That(error!.Error, Is.EqualTo(Ads131m08Error.CrcMismatch));
        Assert.That(bench.Chip.IsLocked, Is.False);
        Assert.That(bench.Chip.InputCrcErrorCount, Is.EqualTo(1));
        Assert.That(bench.Driver.ReadStatus().InputCrcError, Is.False, "STATUS.CRC_ERR clears once STATUS has been sent");
    }

    [Test]
    public void WithInputCrcEnabled_CorruptedWregCrcStillWritesPerDatasheet()
    {
        using var bench = new Bench();
        bench.Driver.SetInputCrcEnabled(true);

        // WREG of one register: command, data, CRC in word 2.
        bench.Bus.CorruptNextFrameByte(6);
        var error = Assert.Throws<Ads131m08Exception>(() => bench.Driver.WriteRegister(Ads131m08Registers.Gain1Address, 0x0003));

        Assert.That(error!.Error, Is.EqualTo(Ads131m08Error.CrcMismatch));
        Assert.That(bench.Driver.ReadRegister(Ads131m08Registers.Gain1Address), Is.EqualTo(0x0003));
    }

    [Test]
    public void WithInputCrcDisabled_CorruptedCrcWordIsIgnored()
    {
        using var bench = new Bench();

        bench.Bus.CorruptNextFrameByte(3);
        bench.Driver.Lock();

        Assert.That(bench.Chip.IsLocked, Is.True);
        Assert.That(bench.Chip.InputCrcErrorCount, Is.EqualTo(0));
    }

    [Test]
    public void CorruptedOutputCrc_ThrowsCrcMismatch()
    {
        using var bench = new Bench();
        bench.Chip.CorruptOutputCrc = true;

        var error = Assert.Throws<Ads131m08Exception>(() => bench.Driver.ReadRegister(Ads131m08Registers.ClockAddress));

        Assert.That(error!.Error, Is.EqualTo(Ads131m08Error.CrcMismatch));
        Assert.That(error.Message, Does.Contain("output CRC"));
    }

    [Test]
    public void CorruptedOutputCrcOnADataFrame_ThrowsCrcMismatch()
    {
        using var bench = new Bench();
        bench.Chip.Convert();
        bench.Chip.CorruptOutputCrc = true;

        var error = Assert.Throws<Ads131m08Exception>(() => bench.Driver.TryReadFrame(new int[8], out _, 100));

        Assert.That(error!.Error, Is.EqualTo(Ads131m08Error.CrcMismatch));
    }

    [TestCase(WordLength.Bits16, Ads131m08CrcType.Ansi)]
    [TestCase(WordLength.Bits24, Ads131m08CrcType.Ansi)]
    [TestCase(WordLength.Bits32ZeroPadded, Ads131m08CrcType.Ccitt)]
    [TestCase(WordLength.Bits32SignExtended, Ads131m08CrcType.Ansi)]
    public void InputAndOutputCrc_WorkAtEveryWordLengthAndType(WordLength length, Ads131m08CrcType type)
    {
        using var bench = Bench.Constant(0.3);
        bench.Driver.SetInputCrcEnabled(true);
        bench.Driver.SetCrcType(type);
        bench.Driver.SetWordLength(length);

        bench.Driver.SetGain(1, PgaGain.Gain2);
        var samples = bench.ReadOneFrame();

        Assert.That(bench.Driver.ReadStatus().CrcType, Is.EqualTo(type));
        Assert.That(bench.Chip.InputCrcErrorCount, Is.EqualTo(0));
        Assert.That(samples[1], Is.GreaterThan(0));
    }

    [Test]
    public void RegisterMapCrc_ChipAndDriverAgreeAndAWriteChangesIt()
    {
        using var bench = new Bench();
        bench.Driver.SetRegisterMapCrcEnabled(true);
        bench.Driver.ReadStatus();

        var chipCrc = bench.Driver.ReadRegisterMapCrc();
        Assert.That(chipCrc, Is.EqualTo(bench.Driver.ComputeRegisterMapCrc()));

        bench.Driver.SetGain(3, PgaGain.Gain16);

        Assert.That(bench.Driver.ReadStatus().RegisterMapChanged, Is.True);
        var changed = bench.Driver.ReadRegisterMapCrc();
        Assert.That(changed, Is.Not.EqualTo(chipCrc));
        Assert.That(changed, Is.EqualTo(bench.Driver.ComputeRegisterMapCrc()));
    }

    [Test]
    public void RegisterMapCrc_FollowsTheAnsiPolynomial()
    {
        using var bench = new Bench();
        bench.Driver.SetRegisterMapCrcEnabled(true);
        bench.Driver.SetCrcType(Ads131m08CrcType.Ansi);

        Assert.That(bench.Driver.ReadRegisterMapCrc(), Is.EqualTo(bench.Driver.ComputeRegisterMapCrc()));
    }

    [Test]
    public void RegisterMapCrc_OfResetRegistersMatchesAnIndependentComputation()
    {
        var registers = new ushort[Adc.RegisterMapCrcCount];
        var bytes = new byte[registers.Length * 2];
        for (var i = 0; i < registers.Length; i++)
        {
            registers[i] = Ads131m08Registers.ResetValue(0x02 + i);
            bytes[2 * i] = (byte)(registers[i] >> 8);
            bytes[(2 * i) + 1] = (byte)registers[i];
        }

        Assert.That(Adc.ComputeRegisterMapCrc(registers, Ads131m08CrcType.Ccitt), Is.EqualTo(BitwiseCrc(bytes, 0x1021)));
    }

    // Reference CRC-16: MSB first, no reflection, seed 0xFFFF, no final XOR.
    private static ushort BitwiseCrc(byte[] data, int polynomial)
    {
        var crc = 0xFFFF;
        foreach (var value in data)
        {
            crc ^= value << 8;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ polynomial) & 0xFFFF : (crc << 1) & 0xFFFF;
            }
        }

        return (ushort)crc;
    }
}

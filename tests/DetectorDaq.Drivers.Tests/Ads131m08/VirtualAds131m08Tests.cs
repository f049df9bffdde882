using DetectorDaq.Hil.Chips.Ads131m08;
using UnitsNet;

namespace DetectorDaq.Drivers.Tests.Ads131m08;

/// <summary>Chip behaviour the driver never provokes, checked with hand-built frames.</summary>
public sealed class VirtualAds131m08Tests
{
    private static VirtualAds131m08 NewChip() => new((_, _) => ElectricPotential.Zero);

    [Test]
    public void Response_ArrivesInTheFollowingFrame()
    {
        var chip = NewChip();

        var first = RawFrames.Transfer(chip, 0x0022);
        var second = RawFrames.Transfer(chip, 0x0000);

        Assert.That(first[0], Is.EqualTo(0x0500), "the STANDBY frame carries the previous response (STATUS)");
        Assert.That(second[0], Is.EqualTo(0x0022));
    }

    [Test]
    public void WregToReservedBits_KeepsOnlyWritableBits()
    {
        var chip = NewChip();

        var ack = RawFrames.Command(chip, 0x6000 | (0x04 << 7), 0xFFFF);

        Assert.That(ack, Is.EqualTo(0x4000 | (0x04 << 7)));
        Assert.That(chip.PeekRegister(0x04), Is.EqualTo(0x7777));
    }

    [Test]
    public void WregAcrossReadOnlyRegisters_SkipsThemAndCountsOnlyWritten()
    {
        var chip = NewChip();

        // ID, STATUS, MODE: only MODE is writable, so m - 1 = 0.
        var ack = RawFrames.Command(chip, 0x6000 | 2, 0x1234, 0x5678, 0x0110);

        Assert.That(ack, Is.EqualTo(0x4000));
        Assert.That(chip.PeekRegister(0x00), Is.EqualTo(VirtualAds131m08.DefaultIdentification));
        Assert.That(chip.PeekRegister(0x02), Is.EqualTo(0x0110));
    }

    [TestCase(0x31)]
    [TestCase(0x3F)]
    public void ReservedAddress_ReadsZeroAndIgnoresWrites(int address)
    {
        var chip = NewChip();

        RawFrames.Command(chip, (ushort)(0x6000 | (address << 7)), 0xFFFF);
        var value = RawFrames.Command(chip, (ushort)(0xA000 | (address << 7)));

        Assert.That(value, Is.EqualTo(0));
    }

    [Test]
    public void MultiRegisterRead_SendsAcknowledgeRegistersAndCrcInsteadOfData()
    {
        var chip = NewChip();

        RawFrames.Transfer(chip, 0xA000 | (0x02 << 7) | 2);
        var frame = RawFrames.Transfer(chip, 0x0000);

        Assert.That(frame[..4], Is.EqualTo(new ushort[] { 0xE000 | (0x02 << 7) | 2, 0x0510, 0xFF0E, 0x0000 }));
    }

    [Test]
    public void ResetInAShortFrame_IsNotLatched()
    {
        var chip = NewChip();
        RawFrames.Command(chip, 0x6000 | (0x04 << 7), 0x0001);

        var write = new byte[] { 0x00, 0x11, 0x00 };
        chip.TransferFullDuplex(write, new byte[3]);
        var response = RawFrames.Transfer(chip, 0x0000)[0];

        Assert.That(response, Is.EqualTo(0x0011));
        Assert.That(chip.PeekRegister(0x04), Is.EqualTo(0x0001));
    }

    [Test]
    public void Lock_AcceptsOnlyNullRregAndUnlock()
    {
        var chip = NewChip();
        RawFrames.Command(chip, 0x0555);

        Assert.That(RawFrames.Command(chip, 0x0022) & 0x8000, Is.EqualTo(0x8000), "STANDBY answered with STATUS (LOCK set)");
        Assert.That(chip.IsInStandby, Is.False);
        Assert.That(RawFrames.Command(chip, 0xA000 | (0x03 << 7)), Is.EqualTo(0xFF0E));
        Assert.That(RawFrames.Command(chip, 0x0655), Is.EqualTo(0x0655));
        Assert.That(chip.IsLocked, Is.False);
    }

    [Test]
    public void PulseSyncReset_RestoresResetValuesAndUnlocks()
    {
        var chip = NewChip();
        RawFrames.Command(chip, 0x6000 | (0x05 << 7), 0x0123);
        RawFrames.Command(chip, 0x0555);

        chip.PulseSyncReset();

        Assert.That(chip.PeekRegister(0x05), Is.EqualTo(0x0000));
        Assert.That(chip.IsLocked, Is.False);
        Assert.That(chip.PeekRegister(0x01), Is.EqualTo(0x0500));
    }

    [Test]
    public void FramesAreCounted()
    {
        var chip = NewChip();

        RawFrames.Transfer(chip, 0x0000);
        RawFrames.Transfer(chip, 0x0000);

        Assert.That(chip.FrameCount, Is.EqualTo(2));
        Assert.That(chip.ConnectionSettings.Mode, Is.EqualTo(System.Device.Spi.SpiMode.Mode1));
    }
}

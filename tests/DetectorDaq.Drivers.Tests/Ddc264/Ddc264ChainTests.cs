using DetectorDaq.Drivers.Tests.Fpga;
using DetectorDaq.Firmware.Ddc264;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Hil.Chips.Ddc264;

namespace DetectorDaq.Drivers.Tests.Ddc264;

public sealed class Ddc264ChainTests
{
    [TestCase(1)]
    [TestCase(3)]
    [TestCase(16)]
    public void ResetConfigureAndReadBack_AgreeOnEveryChipOfTheChain(int chips)
    {
        using var rig = new FpgaRig(chips);
        var configuration = new Ddc264Configuration { Range = Ddc264Range.Range50PicoCoulomb, Slew = true };
        var readBacks = new Ddc264ReadBack[chips];

        rig.Chain.Reset();
        rig.Chain.ConfigureAndVerify(configuration, chips);
        var count = rig.Chain.ReadBack(readBacks);

        Assert.That(count, Is.EqualTo(chips));
        Assert.That(rig.Fpga.Chips.Select(chip => chip.Configuration), Is.All.EqualTo(configuration.ToWord()));
        Assert.That(readBacks.Select(item => item.Matches(configuration.ToWord())), Is.All.True);
        Assert.That(readBacks.Select(item => item.Revision), Is.All.EqualTo(VirtualDdc264.RevisionId));
        Assert.That(readBacks.Select(item => item.Check), Is.All.EqualTo(FpgaRegisters.DdcReadbackCheckValue));
    }

    [TestCase(Ddc264Format.Bits16)]
    [TestCase(Ddc264Format.Bits20)]
    public void ReadBack_ChecksZerosAndRepeatInBothFormats(Ddc264Format format)
    {
        using var rig = new FpgaRig(2);
        var readBacks = new Ddc264ReadBack[2];

        rig.Chain.Reset();
        rig.Chain.Configure(new Ddc264Configuration { Format = format }, 2);
        rig.Chain.ReadBack(readBacks);

        Assert.That(readBacks.Select(item => item.ZerosOk && item.RepeatOk), Is.All.True);
    }

    [Test]
    public void Reset_HoldsResetLowForAtLeastOneMicrosecondAndWaitsTwoAfter()
    {
        using var rig = new FpgaRig(1);
        rig.Chain.Reset();

        var controlWrites = rig.Bus.Transactions.Where(item => item.Written[0] == FpgaRegisters.ControlAddress).Select(item => item.Written[4]).ToArray();
        Assert.That(controlWrites, Is.EqualTo(new byte[] { (byte)FpgaRegisters.ControlDdcResetMask, 0 }));
        Assert.That(rig.Clock.NowNanoseconds, Is.GreaterThanOrEqualTo(3_000));
    }

    [Test]
    public void WhenResetIsHeld_ChipsLoseTheirConfiguration()
    {
        using var rig = new FpgaRig(2);
        rig.Chain.Configure(new Ddc264Configuration(), 2);

        rig.Chain.Reset();

        Assert.That(rig.Fpga.Chips.Select(chip => chip.Configuration), Is.All.Zero);
    }

    // A flipped FORMAT bit also changes the chip's read-back length, so the FPGA sees a garbled sequence.
    [TestCase((ushort)0x0200, "configuration 0x0500 instead of 0x0700")]
    [TestCase((ushort)0x0001, "configuration 0x0701 instead of 0x0700")]
    [TestCase((ushort)0x0100, "the two read-back copies differ")]
    public void WhenOneChipLatchesAFlippedBit_TheErrorNamesThatChip(ushort flipped, string what)
    {
        using var rig = new FpgaRig(3);
        rig.Fpga.Chips[2].ConfigurationCorruption = flipped;

        var error = Assert.Throws<Ddc264Exception>(() => rig.Chain.ConfigureAndVerify(new Ddc264Configuration(), 3));

        Assert.That(error!.Error, Is.EqualTo(Ddc264Error.ReadBackMismatch));
        Assert.That(error.ChipIndex, Is.EqualTo(2));
        Assert.That(error.Message, Does.Contain("chip 2").And.Contain(what));
    }

    [Test]
    public void WhenAChipDoesNotAnswer_ConfigureAndVerifyNamesIt()
    {
        using var rig = new FpgaRig(3);
        rig.Fpga.Chips[1].NotAnswering = true;

        var error = Assert.Throws<Ddc264Exception>(() => rig.Chain.ConfigureAndVerify(new Ddc264Configuration(), 3));

        Assert.That(error!.Error, Is.EqualTo(Ddc264Error.NotAnswering));
        Assert.That(error.ChipIndex, Is.EqualTo(1));
        Assert.That(error.Message, Does.Contain("chip 1"));
    }

    [Test]
    public void WhenAChipDoesNotAnswer_ConversionsTimeOutOnDvalidAndPushNothing()
    {
        using var rig = new FpgaRig(3);
        rig.Chain.Reset();
        rig.Chain.Configure(new Ddc264Configuration(), 3);
        rig.Fpga.Chips[1].NotAnswering = true;
        rig.Chain.Start();

        rig.Run(3);

        Assert.That(rig.Chain.ReadStatus().DvalidTimeout, Is.True);
        Assert.That(rig.Fpga.FifoLevel, Is.Zero);
        var error = Assert.Throws<Ddc264Exception>(rig.Chain.ThrowIfFaulted);
        Assert.That(error!.Error, Is.EqualTo(Ddc264Error.DvalidTimeout));
    }

    [Test]
    public void WhenTheFpgaStaysBusy_ConfigureTimesOut()
    {
        using var rig = new FpgaRig(1);
        rig.Fpga.DdcBusyStuck = true;

        var error = Assert.Throws<Ddc264Exception>(() => rig.Chain.Configure(new Ddc264Configuration(), 1));

        Assert.That(error!.Error, Is.EqualTo(Ddc264Error.Timeout));
        Assert.That(rig.Clock.NowNanoseconds, Is.EqualTo(Ddc264Chain.BusyPollLimit * Ddc264Chain.BusyPollMicroseconds * 1000L));
    }

    [TestCase(0)]
    [TestCase(17)]
    public void Configure_RejectsChainLengthsOutsideOneToSixteen(int chips)
    {
        using var rig = new FpgaRig(1);

        Assert.That(() => rig.Chain.Configure(new Ddc264Configuration(), chips), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [TestCase(0L)]
    [TestCase(0x1_0000_0000L)]
    public void SetIntegrationPeriod_RejectsPeriodsTheRegisterCannotHold(long nanoseconds)
    {
        using var rig = new FpgaRig(1);

        Assert.That(() => rig.Chain.SetIntegrationPeriod(nanoseconds), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void StartAndStop_DriveRunAndStatus()
    {
        using var rig = new FpgaRig(1);
        rig.Chain.SetIntegrationPeriod(50_000);
        rig.Chain.Start();

        Assert.That(rig.Chain.ReadStatus().Running, Is.True);
        rig.Run(2, 50_000);
        Assert.That(rig.Chain.ReadStatus().FifoEmpty, Is.False);

        rig.Chain.Stop();
        var level = rig.Fpga.FifoLevel;
        rig.Run(2, 50_000);

        Assert.That(rig.Chain.ReadStatus().Running, Is.False);
        Assert.That(rig.Fpga.FifoLevel, Is.EqualTo(level));
    }
}

using DetectorDaq.Firmware.Ddc264;
using DetectorDaq.Firmware.Fpga;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Drivers.Tests.Fpga;

public sealed class FifoFrameReaderTests
{
    private const long Period = 100_000;

    [Test]
    public void FramesCarryCounterTimestampAndHeaderFlags()
    {
        using var rig = new FpgaRig(3);
        rig.Start(new Ddc264Configuration());
        rig.Run(2);

        Assert.That(rig.Reader.TryReadFrame(rig.Frame), Is.True);
        Assert.That(rig.Frame.FrameNumber, Is.Zero);
        Assert.That(rig.Frame.Chips, Is.EqualTo(3));
        Assert.That(rig.Frame.Format, Is.EqualTo(Ddc264Format.Bits20));
        Assert.That(rig.Frame.PayloadWordCount, Is.EqualTo(120));
        Assert.That(rig.Frame.TestPattern, Is.False);
        Assert.That(rig.Frame.Overflow, Is.False);
        var firstTimestamp = rig.Frame.TimestampNanoseconds;

        Assert.That(rig.Reader.TryReadFrame(rig.Frame), Is.True);
        Assert.That(rig.Frame.FrameNumber, Is.EqualTo(1UL));
        Assert.That(rig.Frame.TimestampNanoseconds - firstTimestamp, Is.EqualTo((ulong)Period));
        Assert.That(rig.Reader.TryReadFrame(rig.Frame), Is.False);
    }

    [Test]
    public void WhenGarbageSitsBetweenFrames_ReaderResynchronisesAndCountsIt()
    {
        using var rig = new FpgaRig(2);
        rig.Start(new Ddc264Configuration());
        rig.Fpga.InjectFifoWords([0x12345678, 0xDDCE0050, 0xFFFFFFFF]);
        rig.Run(1);
        rig.Fpga.InjectFifoWords([0xDDCF1002, 0, 0]); // a SYNC look-alike whose trailer never comes
        rig.Run(1);

        Assert.That(rig.Reader.TryReadFrame(rig.Frame), Is.True);
        Assert.That(rig.Frame.FrameNumber, Is.Zero);
        Assert.That(rig.Reader.TryReadFrame(rig.Frame), Is.True);
        Assert.That(rig.Frame.FrameNumber, Is.EqualTo(1UL));
        Assert.That(rig.Reader.ResyncCount, Is.EqualTo(2));
        Assert.That(rig.Reader.DiscardedWords, Is.EqualTo(6));
    }

    [Test]
    public void WhenAFrameArrivesInParts_ReaderWaitsForTheRest()
    {
        using var rig = new FpgaRig(1);
        rig.Start(new Ddc264Configuration());
        rig.Run(1);
        var words = new uint[FifoFrameReader.MaxFrameWords(1)];
        rig.Link.ReadFifo(words, 0, words.Length);
        rig.Fpga.InjectFifoWords(words.AsSpan(0, 20));

        Assert.That(rig.Reader.TryReadFrame(rig.Frame), Is.False);

        rig.Fpga.InjectFifoWords(words.AsSpan(20));

        Assert.That(rig.Reader.TryReadFrame(rig.Frame), Is.True);
        Assert.That(rig.Reader.ResyncCount, Is.Zero);
    }

    [Test]
    public void WhenFifoOverflows_FrameIsDroppedAndCounted()
    {
        var frameWords = FifoFrameReader.MaxFrameWords(1);
        using var rig = new FpgaRig(1, fifoCapacityWords: (2 * frameWords) + 10);
        rig.Start(new Ddc264Configuration());
        rig.Run(4);

        Assert.That(rig.Chain.ReadStatus().FifoOverflow, Is.True);
        Assert.That(() => rig.Chain.ThrowIfFaulted(), Throws.InstanceOf<Ddc264Exception>().With.Property(nameof(Ddc264Exception.Error)).EqualTo(Ddc264Error.FifoOverflow));
        Assert.That(rig.Reader.TryReadFrame(rig.Frame), Is.True);
        Assert.That(rig.Reader.TryReadFrame(rig.Frame), Is.True);
        Assert.That(rig.Frame.Overflow, Is.False);
        Assert.That(rig.Reader.TryReadFrame(rig.Frame), Is.False);

        rig.Run(1);

        Assert.That(rig.Reader.TryReadFrame(rig.Frame), Is.True);
        Assert.That(rig.Frame.Overflow, Is.True, "the first frame after a drop carries OVERFLOW");
        Assert.That(rig.Frame.FrameNumber, Is.EqualTo(4UL), "dropped frames 2 and 3 leave a gap");
        Assert.That(rig.Chain.ReadStatus().FifoOverflow, Is.True, "sticky until FIFO_CLEAR");

        rig.Link.WriteRegister(FpgaRegisters.ControlAddress, FpgaRegisters.ControlRunMask | FpgaRegisters.ControlFifoClearMask);

        Assert.That(rig.Chain.ReadStatus().FifoOverflow, Is.False);
    }

    [Test]
    public void WhenTimeAdvancesOnAnotherThread_EveryFrameArrivesOnceAndInOrder()
    {
        const int Frames = 300;
        using var rig = new FpgaRig(2);
        rig.Start(new Ddc264Configuration());
        var start = rig.Fpga.NowNanoseconds;
        using var producer = Task.Run(() =>
        {
            for (var frame = 1; frame <= Frames; frame++)
            {
                rig.Fpga.AdvanceTo(start + (frame * Period));
            }
        });

        var numbers = new List<ulong>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (numbers.Count < Frames && DateTime.UtcNow < deadline)
        {
            if (rig.Reader.TryReadFrame(rig.Frame))
            {
                numbers.Add(rig.Frame.FrameNumber);
            }
        }

        Assert.That(numbers, Is.EqualTo(Enumerable.Range(0, Frames).Select(value => (ulong)value)));
        Assert.That(rig.Reader.ResyncCount, Is.Zero);
    }

    [Test]
    public void Reader_RejectsAFrameSmallerThanItsChain()
    {
        using var rig = new FpgaRig(4);

        Assert.That(() => rig.Reader.TryReadFrame(new FifoFrame(2)), Throws.ArgumentException);
    }
}

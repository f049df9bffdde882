using DetectorDaq.Frames;
using DetectorDaq.Receiver.Aggregation;

namespace DetectorDaq.Receiver.Tests;

[TestFixture]
public sealed class DetectorFrameAssemblerTests
{
    private const int Modules = 3;
    private const int Channels = 64;
    private const int Rounds = 40;

    [Test]
    public void ModulesInStep_GiveCompleteFramesWithEveryPixelInPlace()
    {
        var rig = new Rig();
        rig.Run(Rounds, (module, round) => (ulong)round);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rig.Frames.Select(f => f.FrameNumber), Is.EqualTo(Enumerable.Range(0, Rounds).Select(f => (ulong)f)));
            Assert.That(rig.Frames.All(f => f.Complete && f.CompleteModules == 0b111), Is.True);
            Assert.That(rig.Frames.All(f => f.Codes.SequenceEqual(Expected(f.FrameNumber))), Is.True);
            Assert.That(rig.Frames.Select(f => f.SideB), Is.EqualTo(Enumerable.Range(0, Rounds).Select(f => f % 2 == 1)));
            Assert.That(rig.Frames.Select(f => f.SideBModules), Is.EqualTo(Enumerable.Range(0, Rounds).Select(f => f % 2 == 1 ? 0b111UL : 0UL)));
            Assert.That(rig.Events, Is.Empty);
        }
    }

    [Test]
    public void LaggingModule_FramesLeaveWithoutItAndItsLateFramesAreCounted()
    {
        var rig = new Rig();
        // Module 2 delivers each frame 6 rounds after the others: beyond the lag limit of 4.
        rig.Run(Rounds + 6, (module, round) => module == 2 ? (round >= 6 ? (ulong)(round - 6) : null) : round < Rounds ? (ulong)round : null);
        rig.Assembler.Complete();
        rig.Drain();

        var module2 = rig.Assembler.Statistics.Modules[2];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rig.Frames, Has.Count.EqualTo(Rounds), "no stall, no frame lost");
            Assert.That(rig.Frames.Select(f => f.FrameNumber), Is.Ordered.Ascending);
            Assert.That(rig.Frames.All(f => (f.CompleteModules & 0b011) == 0b011), Is.True);
            Assert.That(module2.LagEvents, Is.EqualTo(1));
            Assert.That(module2.LateFrames + module2.FramesAccepted, Is.EqualTo(Rounds));
            Assert.That(module2.LateFrames, Is.GreaterThan(0));
            Assert.That(module2.MissingFrames, Is.EqualTo(rig.Frames.Count(f => !f.Complete)));
            Assert.That(rig.Events.Where(e => e.Kind == ModuleEventKind.Lagging).Select(e => e.ModuleId), Is.EqualTo(new[] { 2 }));
        }
    }

    [Test]
    public void SkippingModule_FramesItSkippedLeaveIncompleteAndTheSkipIsReported()
    {
        // The module's receiver gives a gap up only after its reorder window (8 frames), so the
        // aggregation must tolerate more lag than that to see a skip rather than a lagging module.
        var rig = new Rig(lagLimit: 16);
        rig.Run(Rounds, (module, round) => module == 1 && round is >= 10 and < 13 ? null : (ulong)round);

        var incomplete = rig.Frames.Where(f => !f.Complete).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rig.Frames, Has.Count.EqualTo(Rounds));
            Assert.That(incomplete.Select(f => f.FrameNumber), Is.EqualTo(new ulong[] { 10, 11, 12 }));
            Assert.That(incomplete.Select(f => f.CompleteModules), Is.All.EqualTo(0b101UL));
            Assert.That(rig.Assembler.Statistics.Modules[1].SkippedFrames, Is.EqualTo(3));
            Assert.That(rig.Events, Is.EqualTo(new[] { new ModuleEvent(ModuleEventKind.Skipped, 1, 10, 3) }));
        }
    }

    [Test]
    public void RestartingModule_IsRealignedAndFramesStayComplete()
    {
        var rig = new Rig(restartThreshold: 4);
        // Module 2's controller restarts at round 15 and numbers from 0 again.
        rig.Run(Rounds, (module, round) => module == 2 && round >= 15 ? (ulong)(round - 15) : (ulong)round);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rig.Frames.Select(f => f.FrameNumber), Is.EqualTo(Enumerable.Range(0, Rounds).Select(f => (ulong)f)));
            Assert.That(rig.Frames.All(f => f.Complete), Is.True);
            Assert.That(rig.Assembler.Statistics.Modules[2].Restarts, Is.EqualTo(1));
            Assert.That(rig.Events, Is.EqualTo(new[] { new ModuleEvent(ModuleEventKind.Restarted, 2, 15, 0) }));
        }
    }

    [Test]
    public void WhenThePoolIsEmpty_ModuleFramesAreDroppedAndCounted()
    {
        var rig = new Rig(poolCapacity: 2);
        rig.Run(10, (module, round) => (ulong)round, drain: false);

        var statistics = rig.Assembler.Statistics;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(statistics.FramesEmitted, Is.EqualTo(2));
            Assert.That(statistics.FramesDroppedNoPoolFrame, Is.EqualTo(8 * Modules));
        }
    }

    private static int[] Expected(ulong frame)
    {
        var codes = new int[Modules * Channels];
        for (var module = 0; module < Modules; module++)
        {
            for (var channel = 0; channel < Channels; channel++)
            {
                codes[(module * Channels) + channel] = PacketSource.Sample((ushort)module, frame, channel);
            }
        }

        return codes;
    }

    /// <summary>Three modules (framer → module assembler) feeding one detector assembler, round by round.</summary>
    private sealed class Rig
    {
        private readonly PacketSource[] _sources;
        private readonly ModuleFrameAssembler[] _receivers;

        public Rig(ulong restartThreshold = 256, int poolCapacity = 64, int lagLimit = 4)
        {
            var geometry = DetectorGeometry.ColumnStrips(1, Modules * Channels, Modules);
            Assembler = new DetectorFrameAssembler(geometry, new FramePool(geometry, poolCapacity), lagLimit);
            Assembler.ModuleEventRaised += Events.Add;
            _sources = Enumerable.Range(0, Modules).Select(m => new PacketSource((ushort)m, Channels, 16)).ToArray();
            _receivers = Enumerable.Range(0, Modules).Select(m => new ModuleFrameAssembler(
                new ModuleReceiverOptions { DetectorId = PacketSource.DetectorId, ModuleId = (ushort)m, ChannelCount = Channels, RestartThresholdFrames = restartThreshold },
                Assembler)).ToArray();
        }

        public DetectorFrameAssembler Assembler { get; }

        public List<ModuleEvent> Events { get; } = [];

        public List<(ulong FrameNumber, bool Complete, ulong CompleteModules, bool SideB, ulong SideBModules, int[] Codes)> Frames { get; } = [];

        /// <summary>Each round, module m sends the frame <paramref name="schedule"/> names (null: nothing).</summary>
        public void Run(int rounds, Func<int, int, ulong?> schedule, bool drain = true)
        {
            for (var round = 0; round < rounds; round++)
            {
                for (var m = 0; m < Modules; m++)
                {
                    if (schedule(m, round) is { } frame)
                    {
                        foreach (var datagram in _sources[m].Frame(frame))
                        {
                            _receivers[m].Process(datagram, datagram.Length, 0);
                        }
                    }
                }

                if (drain)
                {
                    Drain();
                }
            }
        }

        public void Drain()
        {
            while (Assembler.Frames.TryRead(out var frame))
            {
                Frames.Add((frame.FrameNumber, frame.Complete, frame.CompleteModules, frame.IntegratorSideB, frame.SideBModules, frame.Codes.ToArray()));
                Assembler.Release(frame);
            }
        }
    }
}

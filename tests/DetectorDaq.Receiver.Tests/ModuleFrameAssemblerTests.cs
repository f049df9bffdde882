using System.Diagnostics;
using DetectorDaq.Firmware.Framing;
using DetectorDaq.Firmware.Hardware;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Receiver.Tests;

[TestFixture]
public sealed class ModuleFrameAssemblerTests
{
    private const int Channels = 256;
    private const int SamplesPerPacket = 32;
    private const int PacketsPerFrame = Channels / SamplesPerPacket;
    private const int Frames = 400;

    [Test]
    public void PacketsInOrder_GiveCompleteFramesWithTheSentSamples()
    {
        var (assembler, sink, source) = Build();
        Feed(assembler, Enumerable.Range(0, Frames).SelectMany(f => source.Frame((ulong)f)));

        var statistics = assembler.Statistics;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sink.Frames, Has.Count.EqualTo(Frames));
            Assert.That(sink.Frames.Select(f => f.FrameNumber), Is.EqualTo(Enumerable.Range(0, Frames).Select(f => (ulong)f)));
            Assert.That(sink.Frames.All(f => f.Complete && f.Samples.SequenceEqual(Expected(f.FrameNumber))), Is.True);
            Assert.That(statistics.FramesComplete, Is.EqualTo(Frames));
            Assert.That(statistics.PacketsAccepted, Is.EqualTo(Frames * PacketsPerFrame));
            Assert.That(statistics.LostPackets + statistics.Duplicates + statistics.Reordered + statistics.CrcFailures, Is.Zero);
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void WhenPacketsAreLost_LostPacketsAndPartialFramesEqualTheInjectedLosses(int seed)
    {
        var random = new Random(seed);
        var (assembler, sink, source) = Build();
        var expectedLost = 0;
        var expectedPartial = 0;
        var kept = new List<byte[]>();
        for (var f = 0UL; f < Frames; f++)
        {
            var packets = source.Frame(f).Where(_ => random.NextDouble() >= 0.05).ToList();
            if (packets.Count is > 0 and < PacketsPerFrame)
            {
                expectedLost += PacketsPerFrame - packets.Count;
                expectedPartial++;
            }

            kept.AddRange(packets);
        }

        Feed(assembler, kept);
        assembler.Flush();

        var statistics = assembler.Statistics;
        var partial = sink.Frames.Where(f => !f.Complete).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(expectedLost, Is.GreaterThan(0));
            Assert.That(statistics.LostPackets, Is.EqualTo(expectedLost));
            Assert.That(statistics.FramesPartial, Is.EqualTo(expectedPartial));
            Assert.That(partial, Has.Count.EqualTo(expectedPartial));
            Assert.That(partial.Sum(f => PacketsPerFrame - f.PacketsReceived), Is.EqualTo(expectedLost));
            Assert.That(sink.Frames.Select(f => f.FrameNumber), Is.Ordered.Ascending);
            Assert.That(statistics.FramesInFlight, Is.Zero);
        }
    }

    [Test]
    public void WhenPacketsAreDuplicated_EveryCopyIsCountedAndFramesStayComplete()
    {
        var random = new Random(11);
        var (assembler, sink, source) = Build();
        var injected = 0;
        var stream = new List<byte[]>();
        for (var f = 0UL; f < Frames; f++)
        {
            foreach (var packet in source.Frame(f))
            {
                stream.Add(packet);
                if (random.NextDouble() < 0.1)
                {
                    stream.Add(packet);
                    injected++;
                }
            }
        }

        Feed(assembler, stream);

        var statistics = assembler.Statistics;
        using (Assert.EnterMultipleScope())
        {
            // A copy of a frame's last packet comes after the frame left: it is late, not duplicate.
            Assert.That(statistics.Duplicates + statistics.LatePackets, Is.EqualTo(injected));
            Assert.That(statistics.Duplicates, Is.GreaterThan(0));
            Assert.That(statistics.FramesComplete, Is.EqualTo(Frames));
            Assert.That(sink.Frames.All(f => f.Complete && f.Samples.SequenceEqual(Expected(f.FrameNumber))), Is.True);
        }
    }

    [Test]
    public void WhenPacketsAreReorderedWithinAFrame_ReorderedIsCountedAndSamplesLandInPlace()
    {
        var random = new Random(5);
        var (assembler, sink, source) = Build();
        var expectedReordered = 0;
        var stream = new List<byte[]>();
        for (var f = 0UL; f < Frames; f++)
        {
            var packets = source.Frame(f).OrderBy(_ => random.Next()).ToList();
            var highest = -1;
            foreach (var packet in packets)
            {
                var index = packet[UdpDataPacketFormat.PacketIndexOffset];
                expectedReordered += index < highest ? 1 : 0;
                highest = Math.Max(highest, index);
            }

            stream.AddRange(packets);
        }

        Feed(assembler, stream);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(assembler.Statistics.Reordered, Is.EqualTo(expectedReordered).And.GreaterThan(0));
            Assert.That(assembler.Statistics.FramesComplete, Is.EqualTo(Frames));
            Assert.That(sink.Frames.All(f => f.Samples.SequenceEqual(Expected(f.FrameNumber))), Is.True);
        }
    }

    [Test]
    public void WhenPacketsAreCorrupted_CrcFailuresEqualTheCorruptedPackets()
    {
        var random = new Random(23);
        var (assembler, sink, source) = Build();
        var corrupted = 0;
        var stream = new List<byte[]>();
        for (var f = 0UL; f < Frames; f++)
        {
            foreach (var packet in source.Frame(f))
            {
                if (random.NextDouble() < 0.05)
                {
                    // Past magic, version and header size: bytes the CRC-32C alone guards.
                    packet[random.Next(UdpDataPacketFormat.FlagsOffset, packet.Length)] ^= (byte)random.Next(1, 256);
                    corrupted++;
                }

                stream.Add(packet);
            }
        }

        Feed(assembler, stream);
        assembler.Flush();

        var statistics = assembler.Statistics;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(statistics.CrcFailures, Is.EqualTo(corrupted).And.GreaterThan(0));
            Assert.That(statistics.PacketsAccepted, Is.EqualTo((Frames * PacketsPerFrame) - corrupted));
            Assert.That(statistics.LostPackets, Is.EqualTo(corrupted), "no frame lost all its packets at this rate");
            Assert.That(sink.Frames.Where(f => f.Complete).All(f => f.Samples.SequenceEqual(Expected(f.FrameNumber))), Is.True);
        }
    }

    [Test]
    public void WhenAPacketComesAfterItsFrameLeft_ItIsCountedLate()
    {
        var (assembler, sink, source) = Build();
        var first = source.Frame(0);
        Feed(assembler, first.Where((_, index) => index != 3));
        Feed(assembler, Enumerable.Range(1, 10).SelectMany(f => source.Frame((ulong)f)));
        Feed(assembler, [first[3]]);

        var statistics = assembler.Statistics;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(statistics.LatePackets, Is.EqualTo(1));
            Assert.That(statistics.FramesPartial, Is.EqualTo(1));
            Assert.That(statistics.FramesTimedOut, Is.EqualTo(1), "retired by the reorder window");
            Assert.That(statistics.LostPackets, Is.EqualTo(1));
            Assert.That(sink.Frames[0].Samples.Skip(3 * SamplesPerPacket).Take(SamplesPerPacket), Is.All.Zero);
            Assert.That(sink.Frames.Select(f => f.FrameNumber), Is.EqualTo(Enumerable.Range(0, 11).Select(f => (ulong)f)));
        }
    }

    [Test]
    public void WhenAFrameStaysIncompletePastTheTimeout_ItLeavesPartialAndTimedOut()
    {
        var (assembler, sink, source) = Build();
        Feed(assembler, source.Frame(0).Take(5), now: 0);

        assembler.RetireExpired(Ticks(150));
        var before = sink.Frames.Count;
        assembler.RetireExpired(Ticks(200));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(before, Is.Zero);
            Assert.That(sink.Frames, Has.Count.EqualTo(1));
            Assert.That(sink.Frames[0].Complete, Is.False);
            Assert.That(sink.Frames[0].PacketsReceived, Is.EqualTo(5));
            Assert.That(assembler.Statistics.FramesTimedOut, Is.EqualTo(1));
            Assert.That(assembler.Statistics.LostPackets, Is.EqualTo(PacketsPerFrame - 5));
        }
    }

    [Test]
    public void DropPartialPolicy_EmitsOnlyCompleteFramesAndCountsTheRestDropped()
    {
        var random = new Random(2);
        var (assembler, sink, source) = Build(FrameDiscardPolicy.DropPartial);
        var incomplete = 0;
        var stream = new List<byte[]>();
        for (var f = 0UL; f < Frames; f++)
        {
            var packets = source.Frame(f).Where(_ => random.NextDouble() >= 0.02).ToList();
            incomplete += packets.Count is > 0 and < PacketsPerFrame ? 1 : 0;
            stream.AddRange(packets);
        }

        Feed(assembler, stream);
        assembler.Flush();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(assembler.Statistics.FramesDropped, Is.EqualTo(incomplete).And.GreaterThan(0));
            Assert.That(assembler.Statistics.FramesPartial, Is.Zero);
            Assert.That(sink.Frames.All(f => f.Complete), Is.True);
            Assert.That(sink.Frames, Has.Count.EqualTo(assembler.Statistics.FramesComplete));
        }
    }

    [Test]
    public void PacketsOfAnotherModuleOrDetector_AreCountedWrongModule()
    {
        var (assembler, sink, _) = Build();
        var stranger = new PacketSource(9, Channels, SamplesPerPacket);
        Feed(assembler, stranger.Frame(0));

        Assert.That(assembler.Statistics.WrongModule, Is.EqualTo(PacketsPerFrame));
        Assert.That(sink.Frames, Is.Empty);
    }

    [Test]
    public void PacketsOfAModuleWithAnotherChannelCount_AreCountedMalformed()
    {
        var (assembler, _, _) = Build();
        var other = new PacketSource(0, Channels / 2, SamplesPerPacket);
        Feed(assembler, other.Frame(0));

        Assert.That(assembler.Statistics.Malformed, Is.EqualTo(PacketsPerFrame / 2));
    }

    [Test]
    public void WhenTheControllerRestartsItsNumbering_FramesFlowAgainAndTheRestartIsCounted()
    {
        var (assembler, sink, source) = Build();
        Feed(assembler, Enumerable.Range(0, 300).SelectMany(f => source.Frame((ulong)f)));
        Feed(assembler, Enumerable.Range(0, 10).SelectMany(f => source.Frame((ulong)f)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(assembler.Statistics.Restarts, Is.EqualTo(1));
            Assert.That(assembler.Statistics.FramesComplete, Is.EqualTo(310));
            Assert.That(sink.Frames.Skip(300).Select(f => f.FrameNumber), Is.EqualTo(Enumerable.Range(0, 10).Select(f => (ulong)f)));
        }
    }

    [Test]
    public void FloodOfGarbageAndStrayFrames_KeepsFramesInFlightAndMemoryBounded()
    {
        var random = new Random(99);
        var options = new ModuleReceiverOptions { DetectorId = PacketSource.DetectorId, ModuleId = 0, ChannelCount = Channels, MaxFramesInFlight = 4, ReorderWindowFrames = 64 };
        var emitted = 0L;
        var assembler = new ModuleFrameAssembler(options, new CountingSink(() => emitted++));
        var garbage = new byte[1500];
        var feeder = new FeedingTransport(assembler);
        var framer = new DataFramer(feeder, UdpDataPacketFormat.Size + (3 * SamplesPerPacket));
        framer.Configure(PacketSource.DetectorId, 0, 1000, SampleEncoding.Signed24, Channels);
        var samples = new int[Channels];

        // Warm up so the JIT and the first statistics are not counted as growth.
        Flood(assembler, random, garbage, framer, samples, 1000);
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        Flood(assembler, random, garbage, framer, samples, 200_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var growth = GC.GetTotalMemory(forceFullCollection: true) - before;

        var statistics = assembler.Statistics;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(statistics.PeakFramesInFlight, Is.LessThanOrEqualTo(assembler.Options.MaxFramesInFlight));
            Assert.That(statistics.FloodDropped, Is.GreaterThan(0));
            Assert.That(emitted, Is.EqualTo(statistics.FramesComplete + statistics.FramesPartial));
            Assert.That(statistics.Malformed + statistics.CrcFailures, Is.GreaterThan(150_000));
            Assert.That(growth, Is.LessThan(1024 * 1024), "bytes retained after the flood (a 24-byte allocation per datagram would be 4.8 MB)");
            Assert.That(allocated, Is.LessThan(64 * 1024), "bytes allocated while processing 200 000 datagrams");
        }
    }

    internal static long Ticks(double milliseconds) => (long)(milliseconds / 1000.0 * Stopwatch.Frequency);

    private static void Flood(ModuleFrameAssembler assembler, Random random, byte[] garbage, DataFramer framer, int[] samples, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (i % 10 == 0)
            {
                // A valid packet of a random frame: it opens a new frame unless late or flood-dropped.
                framer.SendFrame((ulong)random.Next(0, 200), 0, PacketFlags.None, samples);
                continue;
            }

            random.NextBytes(garbage);
            if (i % 3 == 0)
            {
                garbage[0] = 0x44;
                garbage[1] = 0x44;
                garbage[2] = 0x41;
                garbage[3] = 0x51;
                garbage[UdpDataPacketFormat.VersionOffset] = UdpDataPacketFormat.VersionValue;
                garbage[UdpDataPacketFormat.HeaderSizeOffset] = UdpDataPacketFormat.HeaderSizeValue;
            }

            assembler.Process(garbage, random.Next(0, garbage.Length + 1), i);
        }
    }

    private static int[] Expected(ulong frame) => Enumerable.Range(0, Channels).Select(c => PacketSource.Sample(0, frame, c)).ToArray();

    private static (ModuleFrameAssembler Assembler, FrameCollector Sink, PacketSource Source) Build(FrameDiscardPolicy policy = FrameDiscardPolicy.KeepPartial)
    {
        var sink = new FrameCollector();
        var options = new ModuleReceiverOptions { DetectorId = PacketSource.DetectorId, ModuleId = 0, ChannelCount = Channels, DiscardPolicy = policy };
        return (new ModuleFrameAssembler(options, sink), sink, new PacketSource(0, Channels, SamplesPerPacket));
    }

    private static void Feed(ModuleFrameAssembler assembler, IEnumerable<byte[]> datagrams, long now = 0)
    {
        foreach (var datagram in datagrams)
        {
            assembler.Process(datagram, datagram.Length, now);
        }
    }

    private sealed class CountingSink(Action onFrame) : IModuleFrameSink
    {
        public void Accept(ModuleFrame frame) => onFrame();
    }

    private sealed class FeedingTransport(ModuleFrameAssembler assembler) : IPacketTransport
    {
        // Only each frame's first packet: frames that never complete pile up until the in-flight limit.
        public void Send(byte[] buffer, int offset, int count)
        {
            if (buffer[UdpDataPacketFormat.PacketIndexOffset] == 0)
            {
                assembler.Process(buffer, count, 0);
            }
        }
    }
}

using DetectorDaq.Firmware.Framing;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Firmware.Tests.Fakes;

namespace DetectorDaq.Firmware.Tests.Framing;

public class DataFramerTests
{
    private static readonly SampleEncoding[] Encodings =
        [SampleEncoding.Unsigned16, SampleEncoding.Packed20, SampleEncoding.Signed24, SampleEncoding.Signed32];

    private static IEnumerable<TestCaseData> RoundTripCases()
    {
        foreach (var encoding in Encodings)
        {
            foreach (var mtu in new[] { UdpDataPacketFormat.DefaultMtu, UdpDataPacketFormat.JumboMtu })
            {
                foreach (var channels in new[] { 8, 64, 1024 })
                {
                    yield return new TestCaseData(encoding, mtu, channels);
                }
            }
        }
    }

    [TestCaseSource(nameof(RoundTripCases))]
    public void SentFrames_AreRecoveredExactly_WithinMtu(SampleEncoding encoding, int mtu, int channels)
    {
        var transport = new RecordingTransport();
        var maxDatagram = mtu - UdpDataPacketFormat.IpUdpOverhead;
        var framer = new DataFramer(transport, maxDatagram);
        framer.Configure(11, 5, 250_000, encoding, channels);
        var random = new Random(channels + mtu + (int)encoding);
        var frames = new[] { RandomFrame(random, encoding, channels), RandomFrame(random, encoding, channels) };

        framer.SendFrame(100, 5_000_000, PacketFlags.IntegratorSideB, frames[0]);
        framer.SendFrame(101, 5_250_000, PacketFlags.None, frames[1]);

        var expectedPackets = (channels + ExpectedSamplesPerPacket(encoding, maxDatagram) - 1) / ExpectedSamplesPerPacket(encoding, maxDatagram);
        Assert.That(framer.PacketsPerFrame, Is.EqualTo(expectedPackets));
        Assert.That(transport.Datagrams, Has.Count.EqualTo(2 * expectedPackets));
        Assert.That(framer.FramesSent, Is.EqualTo(2UL));
        Assert.That(framer.PacketsSent, Is.EqualTo((ulong)(2 * expectedPackets)));

        var header = new DataPacketHeader();
        for (var frame = 0; frame < 2; frame++)
        {
            var recovered = new int[channels];
            var nextChannel = 0;
            for (var packet = 0; packet < expectedPackets; packet++)
            {
                var datagram = transport.Datagrams[(frame * expectedPackets) + packet];
                Assert.That(datagram, Has.Length.LessThanOrEqualTo(maxDatagram));
                Assert.That(DataPacketReader.TryReadHeader(datagram, datagram.Length, header, out var error), Is.True, error);
                Assert.That(header.FrameNumber, Is.EqualTo(100UL + (ulong)frame));
                Assert.That(header.PacketIndex, Is.EqualTo(packet));
                Assert.That(header.PacketCount, Is.EqualTo(expectedPackets));
                Assert.That(header.FirstChannel, Is.EqualTo((uint)nextChannel));
                Assert.That(header.DetectorId, Is.EqualTo((ushort)11));
                Assert.That(header.ModuleId, Is.EqualTo((ushort)5));
                Assert.That(header.IntegrationPeriodNs, Is.EqualTo(250_000u));
                Assert.That(header.Encoding, Is.EqualTo(encoding));
                Assert.That(header.Flags & PacketFlags.IntegratorSideB, Is.EqualTo(frame == 0 ? PacketFlags.IntegratorSideB : PacketFlags.None));
                nextChannel += DataPacketReader.UnpackSamples(datagram, header, recovered, (int)header.FirstChannel);
            }

            Assert.That(nextChannel, Is.EqualTo(channels));
            Assert.That(recovered, Is.EqualTo(frames[frame]));
        }
    }

    [TestCase(SampleEncoding.Unsigned16, 1500, 1024, 2)]
    [TestCase(SampleEncoding.Packed20, 1500, 1024, 2)]
    [TestCase(SampleEncoding.Signed24, 1500, 1024, 3)]
    [TestCase(SampleEncoding.Signed32, 1500, 1024, 3)]
    [TestCase(SampleEncoding.Signed32, 9000, 1024, 1)]
    [TestCase(SampleEncoding.Packed20, 576, 1024, 6)]
    public void PacketCount_FollowsPayloadRoom(SampleEncoding encoding, int mtu, int channels, int packets)
    {
        var framer = new DataFramer(new RecordingTransport(), mtu - UdpDataPacketFormat.IpUdpOverhead);
        framer.Configure(1, 1, 1000, encoding, channels);
        Assert.That(framer.PacketsPerFrame, Is.EqualTo(packets));
    }

    [Test]
    public void Packed20_PacketsCarryAnEvenSampleCount_SoEachStartsByteAligned()
    {
        var transport = new RecordingTransport();
        var framer = new DataFramer(transport, 1472);
        framer.Configure(1, 1, 1000, SampleEncoding.Packed20, 1025);
        framer.SendFrame(0, 0, PacketFlags.None, new int[1025]);
        var header = new DataPacketHeader();
        for (var i = 0; i < transport.Datagrams.Count - 1; i++)
        {
            DataPacketReader.TryReadHeader(transport.Datagrams[i], transport.Datagrams[i].Length, header, out _);
            Assert.That(header.ChannelCount % 2, Is.Zero);
        }

        Assert.That(header.FirstChannel % 2, Is.Zero);
    }

    [TestCase(SampleEncoding.Unsigned16, 0xFFFF, true)]
    [TestCase(SampleEncoding.Unsigned16, 0, false)]
    [TestCase(SampleEncoding.Packed20, 0xFFFFF, true)]
    [TestCase(SampleEncoding.Packed20, 0xFFFFE, false)]
    [TestCase(SampleEncoding.Signed24, 0x7FFFFF, true)]
    [TestCase(SampleEncoding.Signed24, -0x800000, true)]
    [TestCase(SampleEncoding.Signed24, -0x7FFFFF, false)]
    [TestCase(SampleEncoding.Signed32, int.MinValue, true)]
    [TestCase(SampleEncoding.Signed32, 12345, false)]
    public void SampleAtFullScale_SetsSaturationOnEveryPacketOfTheFrame(SampleEncoding encoding, int value, bool saturated)
    {
        var transport = new RecordingTransport();
        var framer = new DataFramer(transport, 1472);
        framer.Configure(1, 1, 1000, encoding, 1024);
        var samples = new int[1024];
        samples[1000] = value;
        framer.SendFrame(0, 0, PacketFlags.None, samples);
        var header = new DataPacketHeader();
        foreach (var datagram in transport.Datagrams)
        {
            DataPacketReader.TryReadHeader(datagram, datagram.Length, header, out _);
            Assert.That(header.Flags.HasFlag(PacketFlags.Saturation), Is.EqualTo(saturated));
        }
    }

    [Test]
    public void SampleBeyondRange_IsClampedToFullScale()
    {
        var transport = new RecordingTransport();
        var framer = new DataFramer(transport, 1472);
        framer.Configure(1, 1, 1000, SampleEncoding.Packed20, 2);
        framer.SendFrame(0, 0, PacketFlags.None, [0x1FFFFF, 3]);
        var header = new DataPacketHeader();
        DataPacketReader.TryReadHeader(transport.Datagrams[0], transport.Datagrams[0].Length, header, out _);
        var samples = new int[2];
        DataPacketReader.UnpackSamples(transport.Datagrams[0], header, samples, 0);
        Assert.That(samples, Is.EqualTo(new[] { 0xFFFFF, 3 }));
    }

    [Test]
    public void SendFrame_BeforeConfigure_Throws() =>
        Assert.That(() => new DataFramer(new RecordingTransport(), 1472).SendFrame(0, 0, PacketFlags.None, new int[8]), Throws.InvalidOperationException);

    [Test]
    public void SendFrame_WithTooFewSamples_Throws()
    {
        var framer = new DataFramer(new RecordingTransport(), 1472);
        framer.Configure(1, 1, 1000, SampleEncoding.Signed24, 64);
        Assert.That(() => framer.SendFrame(0, 0, PacketFlags.None, new int[63]), Throws.ArgumentException);
    }

    [TestCase(63)]
    [TestCase(65508)]
    public void DatagramSizeOutsideLimits_IsRejected(int size) =>
        Assert.That(() => new DataFramer(new RecordingTransport(), size), Throws.TypeOf<ArgumentOutOfRangeException>());

    private static int ExpectedSamplesPerPacket(SampleEncoding encoding, int maxDatagram)
    {
        var room = maxDatagram - UdpDataPacketFormat.Size;
        return encoding switch
        {
            SampleEncoding.Unsigned16 => room / 2,
            SampleEncoding.Packed20 => room * 8 / 20 / 2 * 2,
            SampleEncoding.Signed24 => room / 3,
            _ => room / 4,
        };
    }

    private static int[] RandomFrame(Random random, SampleEncoding encoding, int channels)
    {
        var (min, max) = encoding switch
        {
            SampleEncoding.Unsigned16 => (0L, 0xFFFEL),
            SampleEncoding.Packed20 => (0L, 0xFFFFEL),
            SampleEncoding.Signed24 => (-0x7FFFFFL, 0x7FFFFEL),
            _ => (int.MinValue + 1L, int.MaxValue - 1L),
        };
        return Enumerable.Range(0, channels).Select(_ => (int)random.NextInt64(min, max + 1)).ToArray();
    }
}

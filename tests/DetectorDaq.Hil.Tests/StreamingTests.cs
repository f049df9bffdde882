using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Hil.Controller;

namespace DetectorDaq.Hil.Tests;

[TestFixture]
public sealed class StreamingTests
{
    private const int Chips = 2;
    private const int Channels = Chips * 64;

    [Test]
    public void ChannelIndexPatternRun_Delivers50ConsecutiveFramesOfChannelIndices()
    {
        using var session = new HilSession(new SimulatedControllerOptions(Ddc264Chips: Chips));
        using var receiver = new DataReceiver();

        session.StartRun(HilSession.Configuration(receiver.Port, Chips, TestPatternMode.ChannelIndex, 50));
        receiver.ReceiveFrames(50, HilSession.Timeout);
        var housekeeping = session.WaitForState(ControllerState.Configured, HilSession.Timeout);
        receiver.Drain(TimeSpan.FromMilliseconds(100));

        var frames = receiver.Frames.ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(receiver.Errors, Is.Empty);
            Assert.That(frames, Has.Length.EqualTo(50));
            Assert.That(frames.All(frame => frame.IsComplete), Is.True);
            Assert.That(frames.Select(frame => frame.ChannelCount), Is.All.EqualTo(Channels));
            Assert.That(frames.Select(frame => frame.FrameSamples.SequenceEqual(Enumerable.Range(0, Channels))), Is.All.True, "every sample carries its channel index");
            Assert.That(frames.Zip(frames.Skip(1), (a, b) => b.FrameNumber - a.FrameNumber), Is.All.EqualTo(1UL), "frame numbers are consecutive");
            Assert.That(frames.Select(frame => frame.Flags.HasFlag(PacketFlags.TestPattern)), Is.All.True);
            Assert.That(frames.Select(frame => frame.FlagsAgree), Is.All.True);
            Assert.That(frames.Zip(frames.Skip(1), (a, b) => IsSideB(a) != IsSideB(b)), Is.All.True, "integrator side alternates A/B");
            Assert.That(housekeeping.State, Is.EqualTo(ControllerState.Configured));
            Assert.That(housekeeping.FramesSent, Is.EqualTo(50));
        }
    }

    [Test]
    public void RealData_AirChannelsReadHigherThanTheCylinderAndNothingSaturates()
    {
        using var session = new HilSession(new SimulatedControllerOptions(Ddc264Chips: Chips));
        using var receiver = new DataReceiver();

        session.StartRun(HilSession.Configuration(receiver.Port, Chips, TestPatternMode.Off, 50));
        receiver.ReceiveFrames(50, HilSession.Timeout);

        var frames = receiver.Frames.Where(frame => frame.IsComplete).ToArray();
        // Edges are air whatever the angle; the middle channels stay inside the cylinder's sweep.
        var airBrighter = frames.Count(frame => Mean(frame, 0, 8) > Mean(frame, (Channels / 2) - 4, 8)
                                                && Mean(frame, Channels - 8, 8) > Mean(frame, (Channels / 2) - 4, 8));
        const int FullScale = (1 << 20) - 1;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(receiver.Errors, Is.Empty);
            Assert.That(frames, Has.Length.EqualTo(50));
            Assert.That(airBrighter, Is.GreaterThanOrEqualTo(frames.Length * 9 / 10), "air brighter than the cylinder in most frames");
            Assert.That(frames.SelectMany(frame => frame.FrameSamples).Max(), Is.LessThan(FullScale), "80 pC stays below the 150 pC full scale");
            Assert.That(frames.Select(frame => frame.Flags & (PacketFlags.Saturation | PacketFlags.TestPattern)), Is.All.EqualTo(PacketFlags.None));
        }
    }

    [TestCase(2, 1500, 1)]
    [TestCase(2, 9000, 1)]
    [TestCase(16, 1500, 2)]
    [TestCase(16, 9000, 1)]
    public void PacketsPerFrame_FollowChannelCountAndMtu(int chips, int mtu, int expectedPackets)
    {
        using var session = new HilSession(new SimulatedControllerOptions(Ddc264Chips: chips));
        using var receiver = new DataReceiver();

        session.StartRun(HilSession.Configuration(receiver.Port, (byte)chips, TestPatternMode.ChannelIndex, 5, (ushort)mtu, integrationPeriodNs: 1_000_000));
        receiver.ReceiveFrames(5, HilSession.Timeout);

        var frames = receiver.Frames.ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(receiver.Errors, Is.Empty);
            Assert.That(frames, Has.Length.EqualTo(5));
            Assert.That(frames.Select(frame => frame.PacketCount), Is.All.EqualTo(expectedPackets));
            Assert.That(frames.Select(frame => frame.IsComplete), Is.All.True);
            Assert.That(frames.Select(frame => frame.ChannelCount), Is.All.EqualTo(chips * 64));
            Assert.That(frames.Select(frame => frame.FrameSamples.SequenceEqual(Enumerable.Range(0, chips * 64))), Is.All.True);
            Assert.That(receiver.DatagramLengths, Is.All.LessThanOrEqualTo(mtu - UdpDataPacketFormat.IpUdpOverhead));
        }
    }

    [Test]
    public void Ads131m08OnlyBoard_StreamsItsEightChannelsAsSigned24BitFrames()
    {
        using var session = new HilSession(new SimulatedControllerOptions(Ddc264Chips: 0));
        using var receiver = new DataReceiver();
        var configuration = HilSession.Configuration(receiver.Port, 1, TestPatternMode.Off, 40);
        configuration.Encoding = SampleEncoding.Signed24;

        session.StartRun(configuration);
        receiver.ReceiveFrames(40, HilSession.Timeout);
        var housekeeping = session.WaitForState(ControllerState.Configured, HilSession.Timeout);

        var frames = receiver.Frames.ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(receiver.Errors, Is.Empty);
            Assert.That(frames, Has.Length.EqualTo(40));
            Assert.That(frames.Select(frame => frame.ChannelCount), Is.All.EqualTo(8));
            Assert.That(frames.Zip(frames.Skip(1), (a, b) => b.FrameNumber - a.FrameNumber), Is.All.EqualTo(1UL));
            // The simulated inputs are ±400 mV sines: within ±1/3 of the ±2^23 full scale, and not all zero.
            Assert.That(frames.SelectMany(frame => frame.FrameSamples).Select(Math.Abs).Max(), Is.InRange(1, (1 << 23) / 3 + 2));
            Assert.That(housekeeping.FramesSent, Is.EqualTo(40));
        }
    }

    private static bool IsSideB(ReceivedFrame frame) => frame.Flags.HasFlag(PacketFlags.IntegratorSideB);

    private static double Mean(ReceivedFrame frame, int first, int count) => frame.Samples.Skip(first).Take(count).Average();
}

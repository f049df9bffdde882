using System.Diagnostics;
using System.Net;
using DetectorDaq.Firmware.Control;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Frames;
using DetectorDaq.Hil.Controller;
using DetectorDaq.Host.Control;
using DetectorDaq.Receiver.Aggregation;

namespace DetectorDaq.Receiver.Tests;

[TestFixture]
public sealed class LoopbackEndToEndTests
{
    private const int Modules = 2;
    private const int Chips = 2;
    private const int ChannelsPerModule = Chips * 64;
    private const int FramesToAcquire = 100;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Test]
    public void TwoSimulatedControllers_Give100CompleteDetectorFramesOfChannelIndices()
    {
        var geometry = DetectorGeometry.ColumnStrips(2, Modules * 64, Modules);
        // The controllers start one TCP round trip apart and the test thread shares two cores with them:
        // a generous lag limit and pool absorb that skew at 1 kHz.
        var assembler = new DetectorFrameAssembler(geometry, new FramePool(geometry, 128), lagLimitFrames: 64);
        var controllers = new List<SimulatedController>();
        var receivers = new List<ModuleReceiver>();
        var clients = new List<ControllerClient>();
        try
        {
            for (var m = 0; m < Modules; m++)
            {
                var receiver = new ModuleReceiver(new ModuleReceiverOptions { DetectorId = 7, ModuleId = (ushort)m, ChannelCount = ChannelsPerModule, BindAddress = IPAddress.Loopback }, assembler);
                receivers.Add(receiver);
                receiver.Start();
                var controller = new SimulatedController(new SimulatedControllerOptions(Ddc264Chips: Chips, SerialNumber: $"HIL-{m}"));
                controllers.Add(controller);
                clients.Add(ControllerClient.ConnectAsync(new DnsEndPoint("127.0.0.1", controller.ControlEndpoint.Port), Timeout).GetAwaiter().GetResult());
            }

            for (var m = 0; m < Modules; m++)
            {
                Require(clients[m].Send(ControlCommand.Configure, Configuration((ushort)m, receivers[m].LocalEndpoint.Port)));
                Require(clients[m].Send(ControlCommand.Arm));
            }

            foreach (var client in clients)
            {
                Require(client.Send(ControlCommand.Start));
            }

            var frames = Collect(assembler, FramesToAcquire, () => $"{string.Join("; ", receivers.Select(r => r.Statistics))}; {assembler.Statistics.Modules[0]} {assembler.Statistics.Modules[1]} {assembler.Statistics.FramesEmitted} {assembler.Statistics.FramesDroppedNoPoolFrame}");
            var statistics = receivers.Select(receiver => receiver.Statistics).ToArray();
            using (Assert.EnterMultipleScope())
            {
                Assert.That(frames, Has.Count.EqualTo(FramesToAcquire));
                Assert.That(frames.Select(f => f.FrameNumber), Is.EqualTo(Enumerable.Range(0, FramesToAcquire).Select(f => (ulong)f)));
                Assert.That(frames.All(f => f.Complete && f.CompleteModules == 0b11), Is.True);
                Assert.That(frames.All(f => f.Codes.SequenceEqual(ExpectedImage(geometry))), Is.True, "each pixel holds its module channel index");
                Assert.That(statistics.Select(s => s.FramesComplete), Is.All.EqualTo(FramesToAcquire));
                Assert.That(statistics.Select(s => s.LostPackets + s.CrcFailures + s.Malformed + s.LatePackets), Is.All.Zero);
                Assert.That(receivers.Select(r => r.GrantedReceiveBufferBytes), Is.All.GreaterThan(0));
            }
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
            controllers.ForEach(controller => controller.Dispose());
            receivers.ForEach(receiver => receiver.Dispose());
        }
    }

    private static int[] ExpectedImage(DetectorGeometry geometry)
    {
        var codes = new int[geometry.PixelCount];
        foreach (var module in geometry.Modules)
        {
            for (var channel = 0; channel < module.ChannelCount; channel++)
            {
                codes[module.PixelIndex(channel, geometry.Columns)] = channel;
            }
        }

        return codes;
    }

    private static List<(ulong FrameNumber, bool Complete, ulong CompleteModules, int[] Codes)> Collect(DetectorFrameAssembler assembler, int count, Func<string> describe)
    {
        var frames = new List<(ulong, bool, ulong, int[])>();
        var clock = Stopwatch.StartNew();
        using var cancellation = new CancellationTokenSource(Timeout);
        try
        {
            while (frames.Count < count)
            {
                var frame = assembler.Frames.ReadAsync(cancellation.Token).AsTask().GetAwaiter().GetResult();
                frames.Add((frame.FrameNumber, frame.Complete, frame.CompleteModules, frame.Codes.ToArray()));
                assembler.Release(frame);
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"only {frames.Count} of {count} detector frames arrived in {clock.Elapsed.TotalSeconds:F1} s: {describe()}");
        }

        return frames;
    }

    private static byte[] Configuration(ushort moduleId, int port)
    {
        var configuration = new ControllerConfiguration
        {
            DetectorId = 7,
            ModuleId = moduleId,
            DestinationPort = (ushort)port,
            IntegrationPeriodNs = 1_000_000,
            FramesToAcquire = FramesToAcquire,
            Encoding = SampleEncoding.Packed20,
            ChainLength = Chips,
            Format = Ddc264Format.Bits20,
            TestPattern = TestPatternMode.ChannelIndex,
        };
        IPAddress.Loopback.GetAddressBytes().CopyTo(configuration.DestinationAddress, 0);
        var payload = new byte[ControllerConfiguration.Size];
        configuration.WriteTo(payload, 0);
        return payload;
    }

    private static void Require(ControlResponse response)
    {
        if (!response.IsOk)
        {
            throw new AssertionException($"{response.Command} refused: {response.Status}: {response.Reason()}");
        }
    }
}

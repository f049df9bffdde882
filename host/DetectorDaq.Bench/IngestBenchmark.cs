using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DetectorDaq.Receiver;

namespace DetectorDaq.Bench;

/// <summary>
/// UDP ingest over loopback with ~8 KB datagrams (6400 Packed20 channels per frame in two 8048-byte packets):
/// first a bare socket receive loop, whose sender pace is lowered until it loses nothing (at most four tries),
/// then the real <see cref="ModuleReceiver"/> with frame assembly at the same pace. Rates are bytes received
/// over the time from the first send to the last datagram (or frame) received.
/// </summary>
internal static class IngestBenchmark
{
    private const int Channels = 6400;
    private const int MaxDatagramBytes = 8048;
    private const int ReceiveBufferBytes = 8 * 1024 * 1024;

    public static IngestResult Run(bool quick, Action<string>? progress)
    {
        var stream = new SyntheticModuleStream(1, 0, Channels, MaxDatagramBytes, 100_000, seed: 3);
        var frames = quick ? 20_000L : 150_000L;
        double framesPerSecond = 0;
        ReceiveRun baseline = default;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            progress?.Invoke($"ingest: bare socket at {(framesPerSecond > 0 ? $"{framesPerSecond:F0} frames/s" : "full speed")}");
            baseline = RunBaseline(stream, frames, framesPerSecond);
            if (baseline.LossFraction == 0)
            {
                break;
            }

            framesPerSecond = 0.9 * baseline.BytesPerSecond / stream.BytesPerFrame;
        }

        progress?.Invoke("ingest: ModuleReceiver");
        var receiver = RunReceiver(stream, frames, framesPerSecond);
        return new IngestResult
        {
            DatagramBytes = stream.MaxDatagramBytes,
            Datagrams = frames * stream.PacketsPerFrame,
            SenderFramesPerS = framesPerSecond,
            BytesPerS = receiver.BytesPerSecond,
            BaselineBytesPerS = baseline.BytesPerSecond,
            RatioToBaseline = receiver.BytesPerSecond / baseline.BytesPerSecond,
            LossFraction = receiver.LossFraction,
            BaselineLossFraction = baseline.LossFraction,
            FramesAssembled = receiver.Frames,
        };
    }

    private static ReceiveRun RunBaseline(SyntheticModuleStream stream, long frames, double framesPerSecond)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = ReceiveBufferBytes };
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.ReceiveTimeout = 200;
        var expected = frames * stream.PacketsPerFrame;
        long received = 0, bytes = 0, last = 0;
        var receiverThread = new Thread(() =>
        {
            var buffer = new byte[65536];
            while (received < expected)
            {
                try
                {
                    bytes += socket.Receive(buffer);
                    received++;
                    last = Stopwatch.GetTimestamp();
                }
                catch (SocketException)
                {
                    // The receive timeout after the sender finished: the rest was lost.
                    return;
                }
            }
        }) { IsBackground = true, Priority = ThreadPriority.AboveNormal };
        receiverThread.Start();
        var start = Stopwatch.GetTimestamp();
        var sent = new PacedSender([stream], [(IPEndPoint)socket.LocalEndPoint!], framesPerSecond).Send(frames);
        receiverThread.Join();
        return new ReceiveRun(bytes / Seconds(start, last), 1.0 - ((double)received / sent), received / stream.PacketsPerFrame);
    }

    private static ReceiveRun RunReceiver(SyntheticModuleStream stream, long frames, double framesPerSecond)
    {
        var sink = new CountingSink();
        var options = new ModuleReceiverOptions
        {
            DetectorId = stream.DetectorId,
            ModuleId = stream.ModuleId,
            ChannelCount = stream.ChannelCount,
            BindAddress = IPAddress.Loopback,
            ReceiveBufferBytes = ReceiveBufferBytes,
        };
        using var receiver = new ModuleReceiver(options, sink);
        receiver.Start();
        var start = Stopwatch.GetTimestamp();
        var sent = new PacedSender([stream], [receiver.LocalEndpoint], framesPerSecond).Send(frames);
        WaitUntilQuiet(() => receiver.Statistics.PacketsReceived, sent);
        receiver.Stop();
        var statistics = receiver.Statistics;
        return new ReceiveRun(statistics.BytesReceived / Seconds(start, sink.LastTimestamp), 1.0 - ((double)statistics.PacketsReceived / sent), sink.Frames);
    }

    /// <summary>Waits until <paramref name="count"/> reaches <paramref name="expected"/> or stops moving for 200 ms.</summary>
    internal static void WaitUntilQuiet(Func<long> count, long expected)
    {
        var seen = -1L;
        var since = Stopwatch.GetTimestamp();
        while (count() < expected)
        {
            var now = count();
            if (now != seen)
            {
                seen = now;
                since = Stopwatch.GetTimestamp();
            }
            else if (Stopwatch.GetElapsedTime(since) > TimeSpan.FromMilliseconds(200))
            {
                return;
            }

            Thread.Sleep(5);
        }
    }

    private static double Seconds(long start, long end) => Math.Max(Stopwatch.GetElapsedTime(start, end).TotalSeconds, 1e-9);

    private readonly record struct ReceiveRun(double BytesPerSecond, double LossFraction, long Frames);

    private sealed class CountingSink : IModuleFrameSink
    {
        public long Frames;
        public long LastTimestamp;

        public void Accept(ModuleFrame frame)
        {
            Frames++;
            LastTimestamp = Stopwatch.GetTimestamp();
        }
    }
}

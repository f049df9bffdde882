using System.Net;
using System.Net.Sockets;
using DetectorDaq.Frames;

namespace DetectorDaq.Streaming.Tests;

public class ZeroMqFrameStreamPythonTests
{
    // Checks every header field and the image bytes independently of NetMQ; prints "ready" once
    // subscribed so the publisher does not lose the first frames to the PUB/SUB slow-joiner effect.
    private const string Subscriber = """
        import json, sys, time
        import numpy as np
        import zmq
        url, count, rows, columns = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
        socket = zmq.Context.instance().socket(zmq.SUB)
        socket.setsockopt(zmq.SUBSCRIBE, b"")
        socket.setsockopt(zmq.RCVTIMEO, 10000)
        # Wait for the ZMTP handshake, then give the subscription a moment to reach the publisher: a fixed
        # sleep alone loses the first frames on a loaded machine.
        monitor = socket.get_monitor_socket(zmq.EVENT_HANDSHAKE_SUCCEEDED)
        monitor.setsockopt(zmq.RCVTIMEO, 20000)
        socket.connect(url)
        from zmq.utils.monitor import recv_monitor_message
        recv_monitor_message(monitor)
        time.sleep(0.3)
        print("ready", flush=True)
        for n in range(count):
            parts = socket.recv_multipart()
            assert len(parts) == 2, f"frame {n}: {len(parts)} parts"
            header = json.loads(parts[0].decode("utf-8"))
            assert header["htype"] == "image-1.0", header
            assert header["detector_id"] == "test-detector", header
            assert header["frame_number"] == n, header
            assert header["shape"] == [rows, columns], header
            assert header["dtype"] == "int32", header
            assert header["image_key"] == n % 3, header
            assert header["timestamp"] == 1000 * n + 7, header
            assert header["complete"] is (n % 2 == 0), header
            image = np.frombuffer(parts[1], dtype="<i4").reshape(header["shape"])
            expected = (np.arange(rows * columns, dtype=np.int64) * 3 + n - 500000).astype("<i4").reshape(rows, columns)
            assert np.array_equal(image, expected), f"frame {n}: pixels differ"
        end = socket.recv_multipart()
        assert len(end) == 1, end
        end = json.loads(end[0].decode("utf-8"))
        assert end["htype"] == "series_end-1.0", end
        assert end["frames_published"] == count, end
        print("ok", flush=True)
        """;

    [Test]
    public void WhenPythonSubscribes_ItReceivesEveryFrameWithHeaderAndLittleEndianCodes()
    {
        const int frameCount = 20;
        var geometry = DetectorGeometry.ColumnStrips(4, 64, 2);
        var url = $"tcp://127.0.0.1:{FreePort()}";
        using var stream = new ZeroMqFrameStream(url, geometry, new FrameStreamOptions { DetectorId = "test-detector", QueueCapacity = frameCount + 1, SendHighWaterMark = 4 * frameCount });
        using var python = new PythonSubscriber(Subscriber, url, frameCount.ToString(), "4", "64");
        python.WaitForLine("ready", TimeSpan.FromSeconds(20));

        var frame = new DetectorFrame(geometry);
        for (var n = 0; n < frameCount; n++)
        {
            frame.FrameNumber = (ulong)n;
            frame.ImageKey = (ImageKey)(n % 3);
            frame.TimestampNanoseconds = (ulong)((1000 * n) + 7);
            frame.Complete = n % 2 == 0;
            for (var pixel = 0; pixel < frame.Codes.Length; pixel++)
            {
                frame.Codes[pixel] = (pixel * 3) + n - 500000;
            }

            stream.Write(frame);
        }

        stream.Complete();
        var (exitCode, output) = python.WaitForExit(TimeSpan.FromSeconds(30));

        Assert.That(exitCode, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("ok"));
        Assert.That(stream.FramesDropped, Is.EqualTo(0));
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

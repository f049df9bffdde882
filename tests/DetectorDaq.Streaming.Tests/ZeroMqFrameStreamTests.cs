using System.Runtime.InteropServices;
using System.Text.Json;
using DetectorDaq.Frames;
using NetMQ;
using NetMQ.Sockets;

namespace DetectorDaq.Streaming.Tests;

public class ZeroMqFrameStreamTests
{
    private static readonly DetectorGeometry _geometry = DetectorGeometry.ColumnStrips(2, 8, 1);

    [Test]
    public void WhenNetMqSubscribes_ItReceivesFramesThenSeriesEnd()
    {
        var url = $"tcp://127.0.0.1:{ZeroMqFrameStreamPythonTests.FreePort()}";
        using var stream = new ZeroMqFrameStream(url, _geometry);
        using var subscriber = new SubscriberSocket();
        subscriber.Connect(url);
        subscriber.SubscribeToAnyTopic();
        Thread.Sleep(500);

        var frame = new DetectorFrame(_geometry) { FrameNumber = 5, ImageKey = ImageKey.Flat, TimestampNanoseconds = 123456789012, Complete = true, CompleteModules = 1, IntegratorSideB = true };
        frame.Codes[0] = -1;
        frame.Codes[15] = 0x12345678;
        stream.Write(frame);
        stream.Complete();

        var parts = ReceiveMultipart(subscriber);
        using var header = JsonDocument.Parse(parts[0]);
        var root = header.RootElement;
        Assert.That(parts, Has.Count.EqualTo(2));
        Assert.That(root.GetProperty("htype").GetString(), Is.EqualTo("image-1.0"));
        Assert.That(root.GetProperty("frame_number").GetUInt64(), Is.EqualTo(5UL));
        Assert.That(root.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()), Is.EqualTo(new[] { 2, 8 }));
        Assert.That(root.GetProperty("dtype").GetString(), Is.EqualTo("int32"));
        Assert.That(root.GetProperty("image_key").GetInt32(), Is.EqualTo(1));
        Assert.That(root.GetProperty("timestamp").GetUInt64(), Is.EqualTo(123456789012UL));
        Assert.That(root.GetProperty("complete").GetBoolean(), Is.True);
        Assert.That(root.GetProperty("integrator_side").GetString(), Is.EqualTo("B"));
        Assert.That(parts[1], Has.Length.EqualTo(64));
        Assert.That(parts[1][..4], Is.EqualTo(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF }));
        Assert.That(parts[1][60..], Is.EqualTo(new byte[] { 0x78, 0x56, 0x34, 0x12 }));

        var end = ReceiveMultipart(subscriber);
        using var endHeader = JsonDocument.Parse(end[0]);
        Assert.That(end, Has.Count.EqualTo(1));
        Assert.That(endHeader.RootElement.GetProperty("htype").GetString(), Is.EqualTo("series_end-1.0"));
        Assert.That(endHeader.RootElement.GetProperty("frames_published").GetInt64(), Is.EqualTo(1));
    }

    [Test]
    public void CalibratedFrames_ArePublishedAsFloat32_OthersAsInt32Codes()
    {
        var url = $"tcp://127.0.0.1:{ZeroMqFrameStreamPythonTests.FreePort()}";
        using var stream = new ZeroMqFrameStream(url, _geometry);
        using var subscriber = new SubscriberSocket();
        subscriber.Connect(url);
        subscriber.SubscribeToAnyTopic();
        Thread.Sleep(500);

        var frame = new DetectorFrame(_geometry);
        frame.Codes[3] = 7;
        var calibrated = frame.Codes.Select(code => code * 0.5f).ToArray();
        stream.Write(frame, calibrated);
        stream.Write(frame);

        var first = ReceiveMultipart(subscriber);
        var second = ReceiveMultipart(subscriber);
        using var firstHeader = JsonDocument.Parse(first[0]);
        using var secondHeader = JsonDocument.Parse(second[0]);
        Assert.That(firstHeader.RootElement.GetProperty("dtype").GetString(), Is.EqualTo("float32"));
        Assert.That(MemoryMarshal.Cast<byte, float>(first[1]).ToArray()[3], Is.EqualTo(3.5f));
        Assert.That(secondHeader.RootElement.GetProperty("dtype").GetString(), Is.EqualTo("int32"));
        Assert.That(MemoryMarshal.Cast<byte, int>(second[1]).ToArray()[3], Is.EqualTo(7));
    }

    [Test]
    public void CalibratedValuesOfAnotherSize_AreRejected()
    {
        using var stream = new ZeroMqFrameStream($"tcp://127.0.0.1:{ZeroMqFrameStreamPythonTests.FreePort()}", _geometry);

        var exception = Assert.Throws<ArgumentException>(() => stream.Write(new DetectorFrame(_geometry), new float[3]));

        Assert.That(exception!.Message, Does.StartWith("3 calibrated values, the stream publishes"));
    }

    [Test]
    public void WhenNobodyReadsAndQueueIsFull_WriteDoesNotBlockAndDropsAreCounted()
    {
        var url = $"tcp://127.0.0.1:{ZeroMqFrameStreamPythonTests.FreePort()}";
        using var stream = new ZeroMqFrameStream(url, _geometry, new FrameStreamOptions { QueueCapacity = 2 });
        var frame = new DetectorFrame(_geometry);

        var started = DateTime.UtcNow;
        for (var n = 0; n < 100000; n++)
        {
            stream.Write(frame);
        }

        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(10)));
        stream.Complete();
        Assert.That(stream.FramesPublished + stream.FramesDropped, Is.EqualTo(100000));
        Assert.That(stream.FramesDropped, Is.GreaterThan(0));
    }

    [TestCase("not a url")]
    [TestCase("tcp://")]
    [TestCase("tcp://127.0.0.1:notaport")]
    [TestCase("carrier-pigeon://somewhere")]
    public void WhenUrlIsBad_ConstructorThrowsOneLineFrameStreamException(string url)
    {
        var exception = Assert.Throws<FrameStreamException>(() => new ZeroMqFrameStream(url, _geometry).Dispose());
        Assert.That(exception!.Message, Does.Contain(url).And.Not.Contain("\n"));
    }

    [Test]
    public void WhenPortIsTaken_ConstructorThrowsFrameStreamException()
    {
        var url = $"tcp://127.0.0.1:{ZeroMqFrameStreamPythonTests.FreePort()}";
        using var first = new ZeroMqFrameStream(url, _geometry);
        Assert.Throws<FrameStreamException>(() => new ZeroMqFrameStream(url, _geometry).Dispose());
    }

    private static List<byte[]> ReceiveMultipart(SubscriberSocket subscriber)
    {
        NetMQMessage? message = null;
        Assert.That(subscriber.TryReceiveMultipartMessage(TimeSpan.FromSeconds(10), ref message), Is.True, "no message within 10 s");
        return message!.Select(frame => frame.ToByteArray()).ToList();
    }
}

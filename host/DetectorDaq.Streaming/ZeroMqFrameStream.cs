using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using DetectorDaq.Frames;
using NetMQ;
using NetMQ.Sockets;

namespace DetectorDaq.Streaming;

/// <summary>
/// Publishes every frame on a ZeroMQ PUB socket for live viewers: a JSON header and the image bytes
/// (message layout in <see cref="StreamHeader"/> and the project README): raw codes as <c>int32</c>, or a
/// frame's calibrated values as <c>float32</c>, told apart by each header's <c>dtype</c>. Writing never blocks:
/// it copies the frame into one of <see cref="FrameStreamOptions.QueueCapacity"/> preallocated slots
/// and a sender thread, the only user of the socket, publishes it; with no free slot the frame is
/// dropped and counted in <see cref="FramesDropped"/>. <see cref="Complete"/> publishes a
/// <c>series_end-1.0</c> message and closes the socket.
/// </summary>
public sealed class ZeroMqFrameStream : IFrameSink
{
    private static readonly TimeSpan _closeTimeout = TimeSpan.FromSeconds(2);

    private readonly PublisherSocket _socket;
    private readonly FrameStreamOptions _options;
    private readonly ConcurrentQueue<Slot> _free = new();
    private readonly BlockingCollection<Slot?> _pending;
    private readonly Thread _sender;
    private readonly ArrayBufferWriter<byte> _header = new(512);
    private long _published;
    private long _dropped;
    private int _completed;

    /// <summary>
    /// Binds a PUB socket to <paramref name="url"/> (for example <c>tcp://127.0.0.1:5555</c> or
    /// <c>tcp://*:5555</c>) for frames of <paramref name="geometry"/>.
    /// </summary>
    /// <exception cref="FrameStreamException">The URL is malformed or cannot be bound.</exception>
    public ZeroMqFrameStream(string url, DetectorGeometry geometry, FrameStreamOptions? options = null)
    {
        _options = options ?? new FrameStreamOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.QueueCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_options.QueueCapacity, 1024);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.SendHighWaterMark, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_options.SendHighWaterMark, 10000);
        Geometry = geometry;
        Url = url;
        _socket = Bind(url, _options.SendHighWaterMark);
        BoundEndpoint = _socket.Options.LastEndpoint ?? url;
        for (var i = 0; i < _options.QueueCapacity; i++)
        {
            _free.Enqueue(new Slot(geometry.PixelCount));
        }

        _pending = new BlockingCollection<Slot?>(_options.QueueCapacity + 1);
        _sender = new Thread(SendLoop) { IsBackground = true, Name = "ZeroMQ frame stream" };
        _sender.Start();
    }

    /// <summary>The URL the stream was asked to bind.</summary>
    public string Url { get; }

    /// <summary>The endpoint the socket reports as bound (ZeroMQ <c>LAST_ENDPOINT</c>).</summary>
    public string BoundEndpoint { get; }

    /// <summary>Geometry of the published frames.</summary>
    public DetectorGeometry Geometry { get; }

    /// <summary>Frames handed to the socket so far.</summary>
    public long FramesPublished => Interlocked.Read(ref _published);

    /// <summary>Frames dropped because the sender fell behind (all queue slots busy).</summary>
    public long FramesDropped => Interlocked.Read(ref _dropped);

    /// <summary>Publishes <paramref name="frame"/>'s raw codes (<c>int32</c>).</summary>
    /// <exception cref="ArgumentException">The frame's geometry has a different pixel count.</exception>
    /// <exception cref="ObjectDisposedException">The stream was completed.</exception>
    public void Write(DetectorFrame frame) => Publish(frame, ReadOnlySpan<float>.Empty, calibrated: false);

    /// <summary>Publishes <paramref name="frame"/> with its <paramref name="calibrated"/> values (<c>float32</c>, one per pixel) instead of its codes.</summary>
    /// <exception cref="ArgumentException">The frame's geometry or the calibrated values have a different pixel count.</exception>
    /// <exception cref="ObjectDisposedException">The stream was completed.</exception>
    public void Write(DetectorFrame frame, ReadOnlySpan<float> calibrated)
    {
        if (calibrated.Length != Geometry.PixelCount)
        {
            throw new ArgumentException($"{calibrated.Length} calibrated values, the stream publishes {Geometry.PixelCount} pixels");
        }

        Publish(frame, calibrated, calibrated: true);
    }

    private void Publish(DetectorFrame frame, ReadOnlySpan<float> values, bool calibrated)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _completed) != 0, this);
        if (frame.Codes.Length != Geometry.PixelCount)
        {
            throw new ArgumentException($"frame has {frame.Codes.Length} pixels, the stream publishes {Geometry.PixelCount}");
        }

        if (!_free.TryDequeue(out var slot))
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        slot.Metadata = new FrameMetadata
        {
            FrameNumber = frame.FrameNumber,
            TimestampNanoseconds = frame.TimestampNanoseconds,
            ImageKey = (int)frame.ImageKey,
            Complete = frame.Complete,
            CompleteModules = frame.CompleteModules,
            IntegratorSideB = frame.IntegratorSideB,
        };
        slot.Calibrated = calibrated;
        if (calibrated)
        {
            FillPayload(values, slot.Payload);
        }
        else
        {
            FillPayload(frame.Codes, slot.Payload);
        }

        _pending.Add(slot);
    }

    /// <summary>Publishes what is queued, then the <c>series_end-1.0</c> message, and closes the socket.</summary>
    public void Complete()
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
        {
            return;
        }

        _pending.Add(null);
        _pending.CompleteAdding();
        _sender.Join(_closeTimeout);
        _socket.Dispose();
    }

    /// <summary>Completes the stream if that was not done.</summary>
    public void Dispose()
    {
        Complete();
        _pending.Dispose();
    }

    private static PublisherSocket Bind(string url, int highWaterMark)
    {
        var socket = new PublisherSocket();
        try
        {
            socket.Options.SendHighWatermark = highWaterMark;
            socket.Options.Linger = _closeTimeout;
            socket.Bind(url);
            return socket;
        }
        catch (Exception exception) when (exception is NetMQException or ArgumentException or FormatException or System.Net.Sockets.SocketException)
        {
            socket.Dispose();
            throw new FrameStreamException($"cannot bind the live stream to '{url}': {exception.Message.ReplaceLineEndings(" ")}", exception);
        }
    }

    private static void FillPayload(ReadOnlySpan<float> values, byte[] payload)
    {
        var destination = MemoryMarshal.Cast<byte, float>(payload.AsSpan());
        values.CopyTo(destination);
        if (!BitConverter.IsLittleEndian)
        {
            var words = MemoryMarshal.Cast<byte, int>(payload.AsSpan());
            BinaryPrimitives.ReverseEndianness(words, words);
        }
    }

    private static void FillPayload(ReadOnlySpan<int> codes, byte[] payload)
    {
        var destination = MemoryMarshal.Cast<byte, int>(payload.AsSpan());
        if (BitConverter.IsLittleEndian)
        {
            codes.CopyTo(destination);
        }
        else
        {
            BinaryPrimitives.ReverseEndianness(codes, destination);
        }
    }

    private void SendLoop()
    {
        foreach (var slot in _pending.GetConsumingEnumerable())
        {
            if (slot is null)
            {
                StreamHeader.WriteSeriesEnd(_header, _options.DetectorId, FramesPublished, FramesDropped);
                _socket.SendFrame(_header.WrittenSpan.ToArray());
                return;
            }

            StreamHeader.WriteImage(_header, _options.DetectorId, slot.Metadata, Geometry.Rows, Geometry.Columns, slot.Calibrated);
            var header = _header.WrittenMemory;
            MemoryMarshal.TryGetArray(header, out var segment);
            _socket.SendFrame(segment.Array!, segment.Count, more: true);
            _socket.SendFrame(slot.Payload, slot.Payload.Length);
            Interlocked.Increment(ref _published);
            _free.Enqueue(slot);
        }
    }

    private sealed class Slot(int pixels)
    {
        public FrameMetadata Metadata;

        public bool Calibrated;

        public byte[] Payload { get; } = new byte[pixels * sizeof(int)];
    }
}

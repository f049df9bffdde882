using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DetectorDaq.Firmware.Framing;

namespace DetectorDaq.Hil.Tests;

/// <summary>
/// The host's data destination: a UDP socket on loopback that validates every datagram with
/// <see cref="DataPacketReader"/> and reassembles frames by frame number.
/// </summary>
internal sealed class DataReceiver : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly byte[] _datagram = new byte[65536];
    private readonly DataPacketHeader _header = new();
    private readonly SortedDictionary<ulong, ReceivedFrame> _frames = [];

    public DataReceiver()
    {
        // Loopback drops nothing as long as the receive buffer holds a burst of frames.
        _socket.ReceiveBufferSize = 8 << 20;
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    }

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    public List<string> Errors { get; } = [];

    public List<int> DatagramLengths { get; } = [];

    public IReadOnlyCollection<ReceivedFrame> Frames => _frames.Values;

    /// <summary>Frame numbers in the order their first packet arrived, repeats included.</summary>
    public List<ulong> ArrivalOrder { get; } = [];

    public int CompleteFrames => _frames.Values.Count(frame => frame.IsComplete);

    /// <summary>Receives until <paramref name="frames"/> frames are complete or <paramref name="timeout"/> has passed.</summary>
    public void ReceiveFrames(int frames, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (CompleteFrames < frames && clock.Elapsed < timeout)
        {
            ReceiveOne(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>Receives whatever arrives until the line has been quiet for <paramref name="quiet"/>.</summary>
    public void Drain(TimeSpan quiet)
    {
        while (ReceiveOne(quiet))
        {
        }
    }

    public void Dispose() => _socket.Dispose();

    private bool ReceiveOne(TimeSpan wait)
    {
        if (!_socket.Poll(wait, SelectMode.SelectRead))
        {
            return false;
        }

        var length = _socket.Receive(_datagram);
        DatagramLengths.Add(length);
        if (!DataPacketReader.TryReadHeader(_datagram, length, _header, out var error))
        {
            Errors.Add(error);
            return true;
        }

        if (!_frames.TryGetValue(_header.FrameNumber, out var frame))
        {
            frame = new ReceivedFrame(_header.FrameNumber, _header.PacketCount);
            _frames.Add(_header.FrameNumber, frame);
        }

        if (_header.PacketIndex == 0)
        {
            ArrivalOrder.Add(_header.FrameNumber);
        }

        DataPacketReader.UnpackSamples(_datagram, _header, frame.Samples, (int)_header.FirstChannel);
        frame.Accept(_header.PacketIndex, _header.Flags);
        frame.ChannelCount = Math.Max(frame.ChannelCount, (int)_header.FirstChannel + _header.ChannelCount);
        return true;
    }
}

using System.Net;
using System.Net.Sockets;
using DetectorDaq.Firmware.Hardware;

namespace DetectorDaq.Firmware.Net.Network;

/// <summary>Sends data packets as UDP datagrams to one host endpoint.</summary>
public sealed class UdpPacketTransport : IPacketTransport, IDisposable
{
    private readonly Socket _socket;

    /// <summary>Connects a UDP socket to <paramref name="destination"/>; the send buffer holds several frames.</summary>
    public UdpPacketTransport(IPEndPoint destination, int sendBufferBytes = 4 << 20)
    {
        _socket = new Socket(destination.AddressFamily, SocketType.Dgram, ProtocolType.Udp) { SendBufferSize = sendBufferBytes };
        _socket.Connect(destination);
    }

    /// <summary>Datagrams sent.</summary>
    public long DatagramsSent { get; private set; }

    /// <inheritdoc/>
    public void Send(byte[] buffer, int offset, int count)
    {
        _socket.Send(buffer.AsSpan(offset, count), SocketFlags.None);
        DatagramsSent++;
    }

    /// <inheritdoc/>
    public void Dispose() => _socket.Dispose();
}

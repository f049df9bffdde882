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

    /// <summary>Datagrams the host refused (nothing listening on its port); UDP drops them, so do we.</summary>
    public long DatagramsRefused { get; private set; }

    /// <inheritdoc/>
    public void Send(byte[] buffer, int offset, int count)
    {
        try
        {
            _socket.Send(buffer.AsSpan(offset, count), SocketFlags.None);
            DatagramsSent++;
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionRefused)
        {
            // An ICMP port-unreachable from an earlier datagram: the receiver is not listening (yet, or any
            // more). A data link must not stop the controller for that; the host counts what it misses.
            DatagramsRefused++;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _socket.Dispose();
}

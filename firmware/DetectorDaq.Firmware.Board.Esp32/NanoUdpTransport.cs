using System;
using System.Net;
using System.Net.Sockets;
using DetectorDaq.Firmware.Hardware;

namespace DetectorDaq.Firmware.Board.Esp32
{
    /// <summary>Sends data packets as UDP datagrams with nanoFramework's socket API.</summary>
    public sealed class NanoUdpTransport : IPacketTransport, IDisposable
    {
        private readonly Socket _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        private readonly EndPoint _destination;

        /// <summary>Sends to <paramref name="address"/>:<paramref name="port"/>.</summary>
        public NanoUdpTransport(IPAddress address, int port)
        {
            _destination = new IPEndPoint(address, port);
        }

        /// <inheritdoc/>
        public void Send(byte[] buffer, int offset, int count)
        {
            _socket.SendTo(buffer, offset, count, SocketFlags.None, _destination);
        }

        /// <summary>Closes the socket.</summary>
        public void Dispose()
        {
            _socket.Close();
        }
    }
}

using System.Net;
using System.Net.Sockets;
using DetectorDaq.Firmware.Control;
using DetectorDaq.Firmware.Controller;

namespace DetectorDaq.Firmware.Board.Esp32
{
    /// <summary>
    /// Serves the control protocol on TCP, one connection at a time (an MCU has RAM for one session;
    /// a second client waits in the listen backlog until the first disconnects).
    /// </summary>
    public sealed class NanoTcpControlServer
    {
        private readonly ControlSession _session;
        private readonly int _port;

        /// <summary>Serves <paramref name="dispatcher"/> on TCP <paramref name="port"/>.</summary>
        public NanoTcpControlServer(ControlDispatcher dispatcher, int port)
        {
            _session = new ControlSession(dispatcher, new object());
            _port = port;
        }

        /// <summary>Accepts and serves connections forever; call from a dedicated thread or Main.</summary>
        public void Run()
        {
            var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Any, _port));
            listener.Listen(1);
            while (true)
            {
                var connection = listener.Accept();
                try
                {
                    _session.Serve(new SocketByteStream(connection));
                }
                catch (SocketException)
                {
                    // The peer vanished; the next client is served.
                }
                finally
                {
                    connection.Close();
                }
            }
        }

        private sealed class SocketByteStream : IByteStream
        {
            private readonly Socket _socket;

            public SocketByteStream(Socket socket)
            {
                _socket = socket;
            }

            public int Read(byte[] buffer, int offset, int count)
            {
                return _socket.Receive(buffer, offset, count, SocketFlags.None);
            }

            public void Write(byte[] buffer, int offset, int count)
            {
                var sent = 0;
                while (sent < count)
                {
                    sent += _socket.Send(buffer, offset + sent, count - sent, SocketFlags.None);
                }
            }
        }
    }
}

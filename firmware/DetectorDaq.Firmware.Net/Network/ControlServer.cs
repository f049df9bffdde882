using System.Net;
using System.Net.Sockets;
using DetectorDaq.Firmware.Control;
using DetectorDaq.Firmware.Controller;

namespace DetectorDaq.Firmware.Net.Network;

/// <summary>
/// TCP server of the control protocol on .NET: accepts connections and serves each on its own
/// thread with a <see cref="ControlSession"/>; commands from all connections go through one dispatcher,
/// one at a time.
/// </summary>
public sealed class ControlServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly ControlDispatcher _dispatcher;
    private readonly object _dispatchGate = new();
    private readonly Thread _acceptThread;
    private readonly List<Socket> _connections = [];
    private volatile bool _stopping;

    /// <summary>Listens on <paramref name="endpoint"/> (port 0 picks a free port).</summary>
    /// <exception cref="SocketException">The port is in use or cannot be bound.</exception>
    public ControlServer(IPEndPoint endpoint, ControlDispatcher dispatcher)
    {
        _dispatcher = dispatcher;
        _listener = new TcpListener(endpoint);
        _listener.Start();
        _acceptThread = new Thread(AcceptLoop) { IsBackground = true, Name = "control-accept" };
        _acceptThread.Start();
    }

    /// <summary>The bound endpoint.</summary>
    public IPEndPoint LocalEndpoint => (IPEndPoint)_listener.LocalEndpoint;

    /// <inheritdoc/>
    public void Dispose()
    {
        _stopping = true;
        _listener.Stop();
        lock (_connections)
        {
            foreach (var connection in _connections)
            {
                connection.Dispose();
            }
        }

        _acceptThread.Join(TimeSpan.FromSeconds(2));
    }

    private void AcceptLoop()
    {
        while (!_stopping)
        {
            Socket connection;
            try
            {
                connection = _listener.AcceptSocket();
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            connection.NoDelay = true;
            lock (_connections)
            {
                _connections.Add(connection);
            }

            new Thread(() => Serve(connection)) { IsBackground = true, Name = "control-session" }.Start();
        }
    }

    private void Serve(Socket connection)
    {
        try
        {
            new ControlSession(_dispatcher, _dispatchGate).Serve(new SocketByteStream(connection));
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or IOException)
        {
            // The peer vanished; its session ends here and other connections are unaffected.
        }
        finally
        {
            lock (_connections)
            {
                _connections.Remove(connection);
            }

            connection.Dispose();
        }
    }

    private sealed class SocketByteStream(Socket socket) : IByteStream
    {
        public int Read(byte[] buffer, int offset, int count) => socket.Receive(buffer, offset, count, SocketFlags.None);

        public void Write(byte[] buffer, int offset, int count) => socket.Send(buffer, offset, count, SocketFlags.None);
    }
}

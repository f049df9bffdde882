using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DetectorDaq.Receiver;

/// <summary>
/// Receives one module's data packets on its own UDP socket and thread and hands assembled frames to a
/// <see cref="IModuleFrameSink"/> (see <see cref="ModuleFrameAssembler"/> for the rules). The socket is bound
/// in the constructor, so <see cref="LocalEndpoint"/> can be sent to the controller before <see cref="Start"/>.
/// </summary>
public sealed class ModuleReceiver : IDisposable
{
    /// <summary>Largest UDP payload over IPv4, bytes.</summary>
    private const int MaxDatagramBytes = 65507;

    /// <summary>How long the thread waits for a datagram before checking timeouts and stop, µs.</summary>
    private const int PollMicroseconds = 10_000;

    private readonly Socket _socket;
    private readonly ModuleFrameAssembler _assembler;
    private Thread? _thread;
    private volatile bool _stopping;

    /// <summary>Binds the socket and sets its receive buffer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    /// <exception cref="SocketException">The address or port cannot be bound.</exception>
    public ModuleReceiver(ModuleReceiverOptions options, IModuleFrameSink sink)
    {
        _assembler = new ModuleFrameAssembler(options, sink);
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            _socket.ReceiveBufferSize = options.ReceiveBufferBytes;
            GrantedReceiveBufferBytes = _socket.ReceiveBufferSize;
            _socket.Bind(new IPEndPoint(options.BindAddress, options.Port));
            LocalEndpoint = (IPEndPoint)_socket.LocalEndPoint!;
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
    }

    /// <summary>Where the socket is bound (the port the OS picked when the option was 0).</summary>
    public IPEndPoint LocalEndpoint { get; }

    /// <summary>
    /// Receive buffer the OS reports after the request, bytes. Linux reports twice the usable size and caps
    /// the request at net.core.rmem_max (raise it with sysctl for high rates).
    /// </summary>
    public int GrantedReceiveBufferBytes { get; }

    /// <summary>The options in use.</summary>
    public ModuleReceiverOptions Options => _assembler.Options;

    /// <summary>A snapshot of the counters; safe from any thread.</summary>
    public ReceiverStatistics Statistics => _assembler.Statistics;

    /// <summary>Starts the receive thread.</summary>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public void Start()
    {
        if (_thread != null)
        {
            throw new InvalidOperationException($"receiver for module {Options.ModuleId} is already started");
        }

        _thread = new Thread(ReceiveLoop) { IsBackground = true, Name = $"receiver-module-{Options.ModuleId}", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    /// <summary>Stops the thread after it flushed the frames in flight to the sink (by the discard policy); the socket stays bound.</summary>
    public void Stop()
    {
        _stopping = true;
        _thread?.Join();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Stop();
        _socket.Dispose();
    }

    private void ReceiveLoop()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxDatagramBytes + 1);
        try
        {
            // One blocking receive per datagram (one system call); the timeout wakes the loop when idle to
            // retire expired frames and to notice Stop.
            _socket.ReceiveTimeout = PollMicroseconds / 1000;
            var lastRetire = Stopwatch.GetTimestamp();
            var retireInterval = Stopwatch.Frequency / 1000;
            while (!_stopping)
            {
                try
                {
                    var length = _socket.Receive(buffer, SocketFlags.None);
                    _assembler.Process(buffer, length, Stopwatch.GetTimestamp());
                }
                catch (SocketException exception) when (exception.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock or SocketError.ConnectionReset or SocketError.MessageSize)
                {
                    // Idle (timeout), an ICMP error for an earlier send, or an oversize datagram: nothing to assemble.
                }

                var now = Stopwatch.GetTimestamp();
                if (now - lastRetire >= retireInterval)
                {
                    _assembler.RetireExpired(now);
                    lastRetire = now;
                }
            }

            _assembler.Flush();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

using System.Net;
using System.Net.Sockets;
using DetectorDaq.Firmware.Control;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Host.Control;

/// <summary>
/// Host end of the control protocol: one TCP connection to a controller, one command at a time,
/// each answered by a response with the same sequence number.
/// </summary>
public sealed class ControllerClient : IDisposable
{
    private readonly Socket _socket;
    private readonly string _address;
    private readonly byte[] _request = new byte[ControlMessageCodec.MaxMessageSize];
    private readonly byte[] _receive = new byte[4096];
    private readonly ControlMessageAssembler _assembler = new();
    private uint _sequence;

    private ControllerClient(Socket socket, string address)
    {
        _socket = socket;
        _address = address;
    }

    /// <summary>Connects to <paramref name="endpoint"/> within <paramref name="timeout"/>.</summary>
    /// <exception cref="ControllerUnreachableException">Refused, unresolvable or timed out.</exception>
    public static async Task<ControllerClient> ConnectAsync(DnsEndPoint endpoint, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var address = $"{endpoint.Host}:{endpoint.Port}";
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveTimeout = (int)timeout.TotalMilliseconds, SendTimeout = (int)timeout.TotalMilliseconds };
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(endpoint, timeoutSource.Token).ConfigureAwait(false);
            return new ControllerClient(socket, address);
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            var reason = exception is SocketException socketException ? socketException.SocketErrorCode.ToString() : $"no answer within {timeout.TotalSeconds:0.#} s";
            throw new ControllerUnreachableException($"controller {address} is unreachable: {reason}", exception);
        }
    }

    /// <summary>Sends <paramref name="command"/> with <paramref name="payload"/> and waits for its response.</summary>
    /// <exception cref="ControllerUnreachableException">The connection broke, timed out or the reply was not a valid response.</exception>
    public ControlResponse Send(ControlCommand command, ReadOnlySpan<byte> payload = default)
    {
        var sequence = ++_sequence;
        var payloadBytes = payload.ToArray();
        var length = ControlMessageCodec.WriteMessage(_request, MessageKind.Request, command, ControlStatus.Ok, sequence, payloadBytes, payloadBytes.Length);
        try
        {
            _socket.Send(_request.AsSpan(0, length));
            _assembler.Reset();
            while (!_assembler.IsComplete)
            {
                var received = _socket.Receive(_receive);
                if (received == 0)
                {
                    throw new ControllerUnreachableException($"controller {_address} closed the connection during {command}");
                }

                _assembler.Append(_receive, 0, received);
                if (_assembler.HasFailed)
                {
                    throw new ControllerUnreachableException($"controller {_address} sent an invalid response to {command}: {_assembler.FailureReason}");
                }
            }
        }
        catch (SocketException exception)
        {
            var reason = exception.SocketErrorCode == SocketError.TimedOut ? "no response in time" : exception.SocketErrorCode.ToString();
            throw new ControllerUnreachableException($"controller {_address} did not answer {command}: {reason}", exception);
        }

        var status = ControlMessageCodec.TryReadMessage(_assembler.Message, _assembler.MessageLength, out var header, out var why);
        if (status != ControlStatus.Ok || header.Kind != MessageKind.Response || header.Sequence != sequence)
        {
            throw new ControllerUnreachableException($"controller {_address} sent an invalid response to {command}: {(status != ControlStatus.Ok ? why : "wrong kind or sequence")}");
        }

        var body = _assembler.Message.AsSpan(ControlMessageCodec.HeaderSize, header.PayloadLength).ToArray();
        return new ControlResponse(command, header.Status, body);
    }

    /// <inheritdoc/>
    public void Dispose() => _socket.Dispose();
}

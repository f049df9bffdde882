using DetectorDaq.Firmware.Control;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Controller
{
    /// <summary>
    /// Serves one control connection: cuts the byte stream into messages, hands each to the
    /// dispatcher and writes its response. Shared by the nanoFramework and .NET servers, which only
    /// differ in how they accept sockets.
    /// </summary>
    public sealed class ControlSession
    {
        private readonly ControlDispatcher _dispatcher;
        private readonly object _dispatchGate;
        private readonly ControlMessageAssembler _assembler = new ControlMessageAssembler();
        private readonly byte[] _receive = new byte[1024];
        private readonly byte[] _response = new byte[ControlMessageCodec.MaxMessageSize];
        private readonly byte[] _reason = new byte[ControlMessageFormat.MaxPayload];

        /// <summary>
        /// Creates a session handing messages to <paramref name="dispatcher"/>. Sessions of concurrent
        /// connections share <paramref name="dispatchGate"/>, so the controller handles one command at a time.
        /// </summary>
        public ControlSession(ControlDispatcher dispatcher, object dispatchGate)
        {
            _dispatcher = dispatcher;
            _dispatchGate = dispatchGate;
        }

        /// <summary>
        /// Serves <paramref name="stream"/> until the peer closes it, or until it breaks framing: then a
        /// Malformed response naming the reason is sent and the method returns so the caller closes.
        /// </summary>
        public void Serve(IByteStream stream)
        {
            _assembler.Reset();
            while (true)
            {
                var received = stream.Read(_receive, 0, _receive.Length);
                if (received <= 0)
                {
                    return;
                }

                var offset = 0;
                while (offset < received)
                {
                    offset += _assembler.Append(_receive, offset, received - offset);
                    if (_assembler.IsComplete)
                    {
                        int length;
                        lock (_dispatchGate)
                        {
                            length = _dispatcher.Handle(_assembler.Message, _assembler.MessageLength, _response);
                        }

                        stream.Write(_response, 0, length);
                        _assembler.Next();
                    }
                    else if (_assembler.HasFailed)
                    {
                        var reasonLength = AsciiField.Write(_reason, 0, AsciiField.Fit(_assembler.FailureReason, 200));
                        var length = ControlMessageCodec.WriteMessage(_response, MessageKind.Response, ControlCommand.Hello, ControlStatus.Malformed, 0, _reason, reasonLength);
                        stream.Write(_response, 0, length);
                        return;
                    }
                }
            }
        }
    }
}

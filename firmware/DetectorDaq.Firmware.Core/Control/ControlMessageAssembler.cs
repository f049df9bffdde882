using System;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Control
{
    /// <summary>
    /// Cuts a TCP byte stream into control messages with one fixed buffer of
    /// <see cref="ControlMessageCodec.MaxMessageSize"/> bytes. The header is judged as soon as its 16
    /// bytes are in, so a bad magic or an oversize length fails the stream at once instead of waiting
    /// for gigabytes; after a failure the stream has lost framing and the connection should be closed.
    /// A complete message is handed over whole, CRC unchecked (<see cref="ControlDispatcher"/> checks it).
    /// </summary>
    /// <example>
    /// <code>
    /// while (offset &lt; count)
    /// {
    ///     offset += assembler.Append(data, offset, count - offset);
    ///     if (assembler.IsComplete) { send(dispatcher.Handle(assembler.Message, assembler.MessageLength, response)); assembler.Next(); }
    ///     else if (assembler.HasFailed) { close(); break; }
    /// }
    /// </code>
    /// </example>
    public sealed class ControlMessageAssembler
    {
        private readonly byte[] _message = new byte[ControlMessageCodec.MaxMessageSize];
        private int _filled;
        private int _expected = ControlMessageCodec.HeaderSize;

        /// <summary>Buffer holding the message being assembled; a whole message from offset 0 when <see cref="IsComplete"/>.</summary>
        public byte[] Message => _message;

        /// <summary>Length in bytes of the complete message; 0 until <see cref="IsComplete"/>.</summary>
        public int MessageLength => IsComplete ? _filled : 0;

        /// <summary>True when <see cref="Message"/> holds a whole message; call <see cref="Next"/> after handling it.</summary>
        public bool IsComplete { get; private set; }

        /// <summary>True when the stream broke framing (bad header); nothing more is accepted until <see cref="Reset"/>.</summary>
        public bool HasFailed => FailureReason.Length != 0;

        /// <summary>Why the stream failed, one line; empty while it has not.</summary>
        public string FailureReason { get; private set; } = string.Empty;

        /// <summary>
        /// Takes bytes up to the end of the current message and returns how many it took (0 while a
        /// complete message waits for <see cref="Next"/> or after a failure).
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Offset and count do not lie within <paramref name="data"/>.</exception>
        public int Append(byte[] data, int offset, int count)
        {
            if (data == null || offset < 0 || count < 0 || offset > data.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "offset and count must lie within the data array");
            }

            var taken = 0;
            while (taken < count && !IsComplete && !HasFailed)
            {
                var chunk = _expected - _filled;
                if (chunk > count - taken)
                {
                    chunk = count - taken;
                }

                Array.Copy(data, offset + taken, _message, _filled, chunk);
                _filled += chunk;
                taken += chunk;
                if (_filled == _expected)
                {
                    OnPartComplete();
                }
            }

            return taken;
        }

        /// <summary>Discards the complete message and starts on the next one.</summary>
        public void Next()
        {
            IsComplete = false;
            _filled = 0;
            _expected = ControlMessageCodec.HeaderSize;
        }

        /// <summary>Starts over after a failure or a new connection.</summary>
        public void Reset()
        {
            Next();
            FailureReason = string.Empty;
        }

        private void OnPartComplete()
        {
            if (_filled > ControlMessageCodec.HeaderSize)
            {
                IsComplete = true;
                return;
            }

            if (ControlMessageCodec.TryReadHeader(_message, _filled, out var header, out var reason) != ControlStatus.Ok)
            {
                FailureReason = reason;
                return;
            }

            _expected = ControlMessageCodec.MessageSize(header.PayloadLength);
        }
    }
}

using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Control
{
    /// <summary>
    /// The 16-byte header of a control message (<see cref="ControlMessageFormat"/>). Command and status
    /// keep their raw wire codes so that an unknown command can still be echoed in the response.
    /// </summary>
    public struct ControlMessageHeader
    {
        // Explicit fields and accessors: auto-properties in a struct get readonly getters, marked with an
        // attribute type that nanoFramework's mscorlib lacks.
        private MessageKind _kind;
        private ushort _commandCode;
        private ushort _statusCode;
        private uint _sequence;
        private int _payloadLength;

        /// <summary>Request or response.</summary>
        public MessageKind Kind
        {
            get { return _kind; }
            set { _kind = value; }
        }

        /// <summary>Command code as sent (u16); see <see cref="IsKnownCommand"/>.</summary>
        public ushort CommandCode
        {
            get { return _commandCode; }
            set { _commandCode = value; }
        }

        /// <summary>Status code as sent (u16, 0 in requests).</summary>
        public ushort StatusCode
        {
            get { return _statusCode; }
            set { _statusCode = value; }
        }

        /// <summary>Sequence number chosen by the host, echoed in the response.</summary>
        public uint Sequence
        {
            get { return _sequence; }
            set { _sequence = value; }
        }

        /// <summary>Payload bytes after the header, 0 to <see cref="ControlMessageFormat.MaxPayload"/>.</summary>
        public int PayloadLength
        {
            get { return _payloadLength; }
            set { _payloadLength = value; }
        }

        /// <summary>True when <see cref="CommandCode"/> names a <see cref="ControlCommand"/>.</summary>
        public bool IsKnownCommand => CommandCode >= (ushort)ControlCommand.Hello && CommandCode <= (ushort)ControlCommand.Reset;

        /// <summary>The command; meaningful only when <see cref="IsKnownCommand"/> is true.</summary>
        public ControlCommand Command => (ControlCommand)CommandCode;

        /// <summary>The status; meaningful for codes up to <see cref="ControlStatus.InternalError"/>.</summary>
        public ControlStatus Status => (ControlStatus)StatusCode;
    }
}

using System;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Firmware.Registers;

namespace DetectorDaq.Firmware.Control
{
    /// <summary>
    /// Answers one control request with one response. Checks run in this order and the first failure
    /// answers: message (Malformed), command code (UnknownCommand), controller state (InvalidState),
    /// payload length (Malformed), payload values (InvalidArgument), register map (AddressNotInMap,
    /// ReservedBits); only then is the backend called, and the state machine fired when it succeeds.
    /// Every error response carries a one-line ASCII reason as its payload (u8 length + ≤ 100 bytes).
    /// Never throws on request content; buffers are allocated once, here.
    /// </summary>
    public sealed class ControlDispatcher
    {
        /// <summary>Longest reason text in an error response, characters.</summary>
        public const int MaxReasonLength = ControlMessageFormat.ErrorResponseReasonMaxLength;

        private const int PayloadOffset = ControlMessageCodec.HeaderSize;

        private readonly IControllerBackend _backend;
        private readonly ControllerStateMachine _stateMachine;
        private readonly object _gate = new object();
        private readonly ControllerConfiguration _configuration = new ControllerConfiguration();
        private readonly RegisterReadRequest _readRequest = new RegisterReadRequest();
        private readonly RegisterReadResponse _readResponse = new RegisterReadResponse();
        private readonly RegisterWriteRequest _writeRequest = new RegisterWriteRequest();
        private readonly ControllerInfo _info = new ControllerInfo();
        private readonly SelfTestReport _report = new SelfTestReport();
        private readonly Housekeeping _housekeeping = new Housekeeping();

        // The request being answered; valid inside Handle only (guarded by _gate).
        private byte[] _response = new byte[0];
        private ushort _commandCode;
        private uint _sequence;

        /// <summary>Creates a dispatcher that drives <paramref name="backend"/> and <paramref name="stateMachine"/>.</summary>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public ControlDispatcher(IControllerBackend backend, ControllerStateMachine stateMachine)
        {
            _backend = backend ?? throw new ArgumentNullException(nameof(backend));
            _stateMachine = stateMachine ?? throw new ArgumentNullException(nameof(stateMachine));
        }

        /// <summary>
        /// Answers the request in the first <paramref name="requestLength"/> bytes of <paramref name="request"/>
        /// and returns the length of the response written into <paramref name="response"/> from offset 0.
        /// The response echoes command code and sequence number when the request has a whole header.
        /// </summary>
        /// <exception cref="ArgumentException"><paramref name="response"/> is shorter than <see cref="ControlMessageCodec.MaxMessageSize"/>.</exception>
        public int Handle(byte[] request, int requestLength, byte[] response)
        {
            if (response == null || response.Length < ControlMessageCodec.MaxMessageSize)
            {
                throw new ArgumentException("response buffer must hold " + ControlMessageCodec.MaxMessageSize.ToString() + " bytes", nameof(response));
            }

            lock (_gate)
            {
                _response = response;
                _commandCode = 0;
                _sequence = 0;
                try
                {
                    return HandleRequest(request, requestLength);
                }
                catch (Exception exception)
                {
                    return Refuse(ControlStatus.InternalError, "internal error: " + exception.Message);
                }
            }
        }

        private int HandleRequest(byte[] request, int requestLength)
        {
            if (request == null || requestLength < 0 || requestLength > request.Length)
            {
                return Refuse(ControlStatus.Malformed, "request length outside the request buffer");
            }

            if (requestLength >= ControlMessageCodec.HeaderSize)
            {
                _commandCode = (ushort)(request[ControlMessageFormat.CommandOffset] | (request[ControlMessageFormat.CommandOffset + 1] << 8));
                _sequence = (uint)(request[ControlMessageFormat.SequenceOffset] | (request[ControlMessageFormat.SequenceOffset + 1] << 8)
                    | (request[ControlMessageFormat.SequenceOffset + 2] << 16) | (request[ControlMessageFormat.SequenceOffset + 3] << 24));
            }

            if (ControlMessageCodec.TryReadMessage(request, requestLength, out var header, out var reason) != ControlStatus.Ok)
            {
                return Refuse(ControlStatus.Malformed, reason);
            }

            if (header.Kind != MessageKind.Request)
            {
                return Refuse(ControlStatus.Malformed, "controller accepts requests only");
            }

            if (!header.IsKnownCommand)
            {
                return Refuse(ControlStatus.UnknownCommand, "unknown command code " + header.CommandCode.ToString());
            }

            var payloadLength = header.PayloadLength;
            switch (header.Command)
            {
                case ControlCommand.Hello: return Hello(payloadLength);
                case ControlCommand.Configure: return Configure(request, payloadLength);
                case ControlCommand.RegisterRead: return ReadRegisters(request, payloadLength);
                case ControlCommand.RegisterWrite: return WriteRegister(request, payloadLength);
                case ControlCommand.SelfTest: return SelfTest(payloadLength);
                case ControlCommand.Arm: return Transition(payloadLength, ControllerTrigger.Arm, "Arm is allowed in Configured only");
                case ControlCommand.Start: return Transition(payloadLength, ControllerTrigger.Start, "Start is allowed in Armed only");
                case ControlCommand.Stop: return Transition(payloadLength, ControllerTrigger.Stop, "Stop is allowed in Armed or Acquiring only");
                case ControlCommand.Housekeeping: return ReportHousekeeping(payloadLength);
                default: return Reset(payloadLength);
            }
        }

        private int Hello(int payloadLength)
        {
            if (payloadLength != 0)
            {
                return RefuseNotEmpty();
            }

            _info.Clear();
            _backend.FillInfo(_info);
            return Reply(ControlStatus.Ok, _info.WriteTo(_response, PayloadOffset));
        }

        private int Configure(byte[] request, int payloadLength)
        {
            if (!_stateMachine.CanFire(ControllerTrigger.Configure))
            {
                return Refuse(ControlStatus.InvalidState, "Configure is allowed in Idle or Configured only");
            }

            if (!ControllerConfiguration.TryReadFrom(request, PayloadOffset, payloadLength, _configuration))
            {
                return Refuse(ControlStatus.Malformed, "configuration payload must be " + ControllerConfiguration.Size.ToString() + " bytes");
            }

            if (_configuration.Validate() != ControlStatus.Ok)
            {
                return Refuse(ControlStatus.InvalidArgument, _configuration.InvalidReason);
            }

            return Complete(_backend.Configure(_configuration), ControllerTrigger.Configure, "Configure");
        }

        private int ReadRegisters(byte[] request, int payloadLength)
        {
            if (!RegisterReadRequest.TryReadFrom(request, PayloadOffset, payloadLength, _readRequest))
            {
                return Refuse(ControlStatus.Malformed, "register read payload must be " + RegisterReadRequest.Size.ToString() + " bytes");
            }

            if (!IsChip(_readRequest.Chip))
            {
                return Refuse(ControlStatus.InvalidArgument, "chip must be 0 (FPGA), 1 (ADS131M08) or 2 (DDC264)");
            }

            if (_readRequest.Count < 1 || _readRequest.Count > RegisterReadRequest.MaxCount)
            {
                return Refuse(ControlStatus.InvalidArgument, "register count must be 1..32");
            }

            for (var i = 0; i < _readRequest.Count; i++)
            {
                if (!RegisterWriteCheck.IsReadable(_readRequest.Chip, _readRequest.Address + i))
                {
                    return Refuse(ControlStatus.AddressNotInMap, "address 0x" + (_readRequest.Address + i).ToString("X") + " is not in the register map");
                }
            }

            _readResponse.Clear();
            for (var i = 0; i < _readRequest.Count; i++)
            {
                var status = _backend.ReadRegister(_readRequest.Chip, _readRequest.ChipIndex, _readRequest.Address + i, out var value);
                if (status != ControlStatus.Ok)
                {
                    return Refuse(status, "register read at 0x" + (_readRequest.Address + i).ToString("X") + " failed: " + DescribeFailure(status));
                }

                _readResponse.Add(value);
            }

            return Reply(ControlStatus.Ok, _readResponse.WriteTo(_response, PayloadOffset));
        }

        private int WriteRegister(byte[] request, int payloadLength)
        {
            if (_stateMachine.State == ControllerState.Acquiring)
            {
                return Refuse(ControlStatus.InvalidState, "register writes are refused while acquiring");
            }

            if (!RegisterWriteRequest.TryReadFrom(request, PayloadOffset, payloadLength, _writeRequest))
            {
                return Refuse(ControlStatus.Malformed, "register write payload must be " + RegisterWriteRequest.Size.ToString() + " bytes");
            }

            if (!IsChip(_writeRequest.Chip))
            {
                return Refuse(ControlStatus.InvalidArgument, "chip must be 0 (FPGA), 1 (ADS131M08) or 2 (DDC264)");
            }

            var check = RegisterWriteCheck.Check(_writeRequest.Chip, _writeRequest.Address, _writeRequest.Value);
            if (check == ControlStatus.AddressNotInMap)
            {
                return Refuse(check, "address 0x" + _writeRequest.Address.ToString("X") + " is not in the register map");
            }

            if (check != ControlStatus.Ok)
            {
                return Refuse(check, "value 0x" + _writeRequest.Value.ToString("X") + " sets reserved or read-only bits at 0x" + _writeRequest.Address.ToString("X"));
            }

            var status = _backend.WriteRegister(_writeRequest.Chip, _writeRequest.ChipIndex, _writeRequest.Address, _writeRequest.Value);
            return status == ControlStatus.Ok ? Reply(ControlStatus.Ok, 0) : Refuse(status, "register write failed: " + DescribeFailure(status));
        }

        private int SelfTest(int payloadLength)
        {
            var state = _stateMachine.State;
            if (state != ControllerState.Idle && state != ControllerState.Configured)
            {
                return Refuse(ControlStatus.InvalidState, "SelfTest is allowed in Idle or Configured only");
            }

            if (payloadLength != 0)
            {
                return RefuseNotEmpty();
            }

            _report.Clear();
            var status = _backend.RunSelfTest(_report);
            if (status == ControlStatus.Ok && !_report.AllPassed)
            {
                status = ControlStatus.SelfTestFailed;
            }

            if (status != ControlStatus.Ok && status != ControlStatus.SelfTestFailed)
            {
                return Refuse(status, "self-test could not run: " + DescribeFailure(status));
            }

            return Reply(status, _report.WriteTo(_response, PayloadOffset));
        }

        private int Transition(int payloadLength, ControllerTrigger trigger, string refusal)
        {
            if (!_stateMachine.CanFire(trigger))
            {
                return Refuse(ControlStatus.InvalidState, refusal);
            }

            if (payloadLength != 0)
            {
                return RefuseNotEmpty();
            }

            switch (trigger)
            {
                case ControllerTrigger.Arm: return Complete(_backend.Arm(), trigger, "Arm");
                case ControllerTrigger.Start: return Complete(_backend.Start(), trigger, "Start");
                default: return Complete(_backend.Stop(), trigger, "Stop");
            }
        }

        private int ReportHousekeeping(int payloadLength)
        {
            if (payloadLength != 0)
            {
                return RefuseNotEmpty();
            }

            _housekeeping.Clear();
            _housekeeping.LastError = _stateMachine.LastFaultReason;
            _backend.FillHousekeeping(_housekeeping);
            _housekeeping.State = _stateMachine.State;
            return Reply(ControlStatus.Ok, _housekeeping.WriteTo(_response, PayloadOffset));
        }

        private int Reset(int payloadLength)
        {
            if (payloadLength != 0)
            {
                return RefuseNotEmpty();
            }

            var status = _backend.Reset();
            if (status != ControlStatus.Ok)
            {
                var reason = "Reset failed: " + DescribeFailure(status);
                _stateMachine.Fault(reason);
                return Refuse(status, reason);
            }

            _stateMachine.TryFire(ControllerTrigger.Reset);
            return Reply(ControlStatus.Ok, 0);
        }

        // A chip that stops answering while being set up leaves the board in an unknown state, hence Fault;
        // other refusals (for example InvalidArgument from the backend) leave the state as it was.
        private int Complete(ControlStatus status, ControllerTrigger trigger, string command)
        {
            if (status != ControlStatus.Ok)
            {
                var reason = command + " failed: " + DescribeFailure(status);
                if (trigger != ControllerTrigger.Stop && (status == ControlStatus.ChipNotAnswering || status == ControlStatus.CrcError))
                {
                    _stateMachine.Fault(reason);
                }

                return Refuse(status, reason);
            }

            return _stateMachine.TryFire(trigger)
                ? Reply(ControlStatus.Ok, 0)
                : Refuse(ControlStatus.InvalidState, "controller state changed while " + command + " ran");
        }

        private int RefuseNotEmpty() => Refuse(ControlStatus.Malformed, "this command takes no payload");

        private int Refuse(ControlStatus status, string reason) =>
            Reply(status, AsciiField.Write(_response, PayloadOffset, AsciiField.Fit(reason, MaxReasonLength)));

        private int Reply(ControlStatus status, int payloadLength) =>
            ControlMessageCodec.WriteEnvelope(_response, MessageKind.Response, _commandCode, status, _sequence, payloadLength);

        private static bool IsChip(ChipKind chip) => chip == ChipKind.Fpga || chip == ChipKind.Ads131m08 || chip == ChipKind.Ddc264;

        // The status name, followed by the backend's own account of the failure when it has one.
        private string DescribeFailure(ControlStatus status)
        {
            var detail = _backend.FailureReason;
            return detail == null || detail.Length == 0 ? Describe(status) : Describe(status) + ": " + detail;
        }

        private static string Describe(ControlStatus status)
        {
            switch (status)
            {
                case ControlStatus.ChipNotAnswering: return "chip not answering";
                case ControlStatus.CrcError: return "CRC error";
                case ControlStatus.InvalidArgument: return "invalid argument";
                case ControlStatus.InvalidState: return "invalid state";
                case ControlStatus.AddressNotInMap: return "address not in map";
                case ControlStatus.ReservedBits: return "reserved bits";
                default: return "status " + ((int)status).ToString();
            }
        }
    }
}

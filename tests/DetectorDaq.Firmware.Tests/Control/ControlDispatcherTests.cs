using DetectorDaq.Firmware.Control;
using DetectorDaq.Firmware.Hardware;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Firmware.Tests.Fakes;

namespace DetectorDaq.Firmware.Tests.Control;

public class ControlDispatcherTests
{
    private FakeControllerBackend _backend = null!;
    private ControllerStateMachine _machine = null!;
    private ControlClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _backend = new FakeControllerBackend();
        _machine = new ControllerStateMachine();
        _client = new ControlClient(new ControlDispatcher(_backend, _machine));
    }

    [Test]
    public void Hello_AnswersWithInfoAndEchoesSequence()
    {
        Assert.That(_client.Send(ControlCommand.Hello), Is.EqualTo(ControlStatus.Ok));
        Assert.That(_client.LastHeader.Command, Is.EqualTo(ControlCommand.Hello));
        Assert.That(_client.LastHeader.Sequence, Is.EqualTo(1u));
        var info = new ControllerInfo();
        Assert.That(ControllerInfo.TryReadFrom(_client.Payload, 0, _client.Payload.Length, info), Is.True);
        Assert.That(info.BoardName, Is.EqualTo("DDAQ-CTRL"));
    }

    [Test]
    public void FullRun_WalksTheStatesAndCallsTheBackendInOrder()
    {
        Assert.That(_client.Send(ControlCommand.Configure, ControlClient.Encode(ControlClient.ValidConfiguration())), Is.EqualTo(ControlStatus.Ok));
        Assert.That(_machine.State, Is.EqualTo(ControllerState.Configured));
        Assert.That(_client.Send(ControlCommand.Arm), Is.EqualTo(ControlStatus.Ok));
        Assert.That(_client.Send(ControlCommand.Start), Is.EqualTo(ControlStatus.Ok));
        Assert.That(_machine.State, Is.EqualTo(ControllerState.Acquiring));
        Assert.That(_client.Send(ControlCommand.Stop), Is.EqualTo(ControlStatus.Ok));
        Assert.That(_machine.State, Is.EqualTo(ControllerState.Configured));
        Assert.That(_backend.Calls, Is.EqualTo(new[] { "Configure", "Arm", "Start", "Stop" }));
        Assert.That(_backend.LastConfiguration.ModuleId, Is.EqualTo((ushort)3));
    }

    [Test]
    public void ConfigureWhileAcquiring_IsInvalidStateAndNeverReachesTheBackend()
    {
        DriveToAcquiring();
        _backend.Calls.Clear();

        Assert.That(_client.Send(ControlCommand.Configure, ControlClient.Encode(ControlClient.ValidConfiguration())), Is.EqualTo(ControlStatus.InvalidState));
        Assert.That(_client.Reason, Is.EqualTo("Configure is allowed in Idle or Configured only"));
        Assert.That(_backend.Calls, Is.Empty);
        Assert.That(_machine.State, Is.EqualTo(ControllerState.Acquiring));
    }

    [TestCase(ControlCommand.RegisterWrite)]
    [TestCase(ControlCommand.SelfTest)]
    [TestCase(ControlCommand.Arm)]
    [TestCase(ControlCommand.Start)]
    public void StateChangingCommandsWhileAcquiring_AreInvalidState(ControlCommand command)
    {
        DriveToAcquiring();
        var payload = command == ControlCommand.RegisterWrite ? ControlClient.WriteRequest(ChipKind.Fpga, 0x0F, 1) : null;
        Assert.That(_client.Send(command, payload), Is.EqualTo(ControlStatus.InvalidState));
    }

    [TestCase(ControlCommand.Arm)]
    [TestCase(ControlCommand.Start)]
    [TestCase(ControlCommand.Stop)]
    public void TransitionCommandsFromIdle_AreInvalidState(ControlCommand command) =>
        Assert.That(_client.Send(command), Is.EqualTo(ControlStatus.InvalidState));

    [Test]
    public void StartFromConfigured_IsInvalidState()
    {
        _client.Send(ControlCommand.Configure, ControlClient.Encode(ControlClient.ValidConfiguration()));
        Assert.That(_client.Send(ControlCommand.Start), Is.EqualTo(ControlStatus.InvalidState));
        Assert.That(_client.Reason, Is.EqualTo("Start is allowed in Armed only"));
    }

    [TestCase(ChipKind.Ads131m08, (ushort)0x31)]
    [TestCase(ChipKind.Ads131m08, (ushort)0x40)]
    [TestCase(ChipKind.Fpga, (ushort)0x10)]
    [TestCase(ChipKind.Ddc264, (ushort)0x01)]
    public void RegisterWriteToUndefinedAddress_IsAddressNotInMap(ChipKind chip, ushort address)
    {
        Assert.That(_client.Send(ControlCommand.RegisterWrite, ControlClient.WriteRequest(chip, address, 0)), Is.EqualTo(ControlStatus.AddressNotInMap));
        Assert.That(_backend.Calls, Is.Empty);
    }

    [TestCase(ChipKind.Ads131m08, (ushort)0x03, 0x0020u)]
    [TestCase(ChipKind.Ads131m08, (ushort)0x00, 0x2800u)]
    [TestCase(ChipKind.Fpga, (ushort)0x02, 0x0040u)]
    [TestCase(ChipKind.Ads131m08, (ushort)0x03, 0x1_0000u)]
    public void RegisterWriteSettingReservedBits_IsReservedBits(ChipKind chip, ushort address, uint value)
    {
        Assert.That(_client.Send(ControlCommand.RegisterWrite, ControlClient.WriteRequest(chip, address, value)), Is.EqualTo(ControlStatus.ReservedBits));
        Assert.That(_backend.Calls, Is.Empty);
    }

    [Test]
    public void ValidRegisterWriteThenRead_ReachesTheBackend()
    {
        Assert.That(_client.Send(ControlCommand.RegisterWrite, ControlClient.WriteRequest(ChipKind.Fpga, 0x0F, 0xA5A5A5A5)), Is.EqualTo(ControlStatus.Ok));
        Assert.That(_client.Send(ControlCommand.RegisterRead, ControlClient.ReadRequest(ChipKind.Fpga, 0x0E, 2)), Is.EqualTo(ControlStatus.Ok));
        var values = new RegisterReadResponse();
        Assert.That(RegisterReadResponse.TryReadFrom(_client.Payload, 0, _client.Payload.Length, values), Is.True);
        Assert.That(values.Count, Is.EqualTo(2));
        Assert.That(values[1], Is.EqualTo(0xA5A5A5A5u));
    }

    [Test]
    public void RegisterReadRunningPastTheMap_IsAddressNotInMap() =>
        Assert.That(_client.Send(ControlCommand.RegisterRead, ControlClient.ReadRequest(ChipKind.Fpga, 0x0E, 3)), Is.EqualTo(ControlStatus.AddressNotInMap));

    [TestCase((ushort)0)]
    [TestCase((ushort)33)]
    public void RegisterReadCountOutOfRange_IsInvalidArgument(ushort count)
    {
        Assert.That(_client.Send(ControlCommand.RegisterRead, ControlClient.ReadRequest(ChipKind.Ads131m08, 0, count)), Is.EqualTo(ControlStatus.InvalidArgument));
        Assert.That(_client.Reason, Is.EqualTo("register count must be 1..32"));
    }

    [Test]
    public void UnknownChip_IsInvalidArgument() =>
        Assert.That(_client.Send(ControlCommand.RegisterWrite, ControlClient.WriteRequest((ChipKind)7, 0, 0)), Is.EqualTo(ControlStatus.InvalidArgument));

    [Test]
    public void ConfigureWithOutOfRangeValue_IsInvalidArgumentWithReason()
    {
        var configuration = ControlClient.ValidConfiguration();
        configuration.Mtu = 100;
        Assert.That(_client.Send(ControlCommand.Configure, ControlClient.Encode(configuration)), Is.EqualTo(ControlStatus.InvalidArgument));
        Assert.That(_client.Reason, Is.EqualTo("MTU must be 576..9000 bytes"));
        Assert.That(_machine.State, Is.EqualTo(ControllerState.Idle));
    }

    [TestCase(ControlCommand.Configure, 36)]
    [TestCase(ControlCommand.RegisterWrite, 9)]
    [TestCase(ControlCommand.RegisterRead, 4)]
    [TestCase(ControlCommand.Hello, 1)]
    [TestCase(ControlCommand.Arm, 2)]
    [TestCase(ControlCommand.Reset, 3)]
    public void WrongPayloadLength_IsMalformed(ControlCommand command, int length)
    {
        _machine.TryFire(ControllerTrigger.Configure);
        Assert.That(_client.Send(command, new byte[length]), Is.EqualTo(ControlStatus.Malformed));
    }

    [TestCase((ushort)0)]
    [TestCase((ushort)11)]
    [TestCase((ushort)0xFFFF)]
    public void UnknownCommand_IsAnsweredAndEchoed(ushort code)
    {
        var request = new byte[64];
        var length = ControlMessageCodec.WriteEnvelope(request, MessageKind.Request, code, ControlStatus.Ok, 99, 0);
        Assert.That(_client.SendRaw(request, length), Is.EqualTo(ControlStatus.UnknownCommand));
        Assert.That(_client.LastHeader.CommandCode, Is.EqualTo(code));
        Assert.That(_client.LastHeader.Sequence, Is.EqualTo(99u));
    }

    [Test]
    public void BadCrc_IsMalformedButStillEchoesTheSequence()
    {
        var request = new byte[64];
        var length = ControlMessageCodec.WriteMessage(request, MessageKind.Request, ControlCommand.Hello, ControlStatus.Ok, 1234, [], 0);
        request[length - 1] ^= 1;
        Assert.That(_client.SendRaw(request, length), Is.EqualTo(ControlStatus.Malformed));
        Assert.That(_client.Reason, Is.EqualTo("CRC-32C mismatch"));
        Assert.That(_client.LastHeader.Sequence, Is.EqualTo(1234u));
    }

    [Test]
    public void BadMagicOrOversizeOrTruncated_IsMalformed()
    {
        var request = new byte[64];
        var length = ControlMessageCodec.WriteMessage(request, MessageKind.Request, ControlCommand.Hello, ControlStatus.Ok, 1, [], 0);
        Assert.That(_client.SendRaw(request, length - 1), Is.EqualTo(ControlStatus.Malformed));
        Assert.That(_client.SendRaw(request, 3), Is.EqualTo(ControlStatus.Malformed));
        ByteOrder.WriteUInt32LittleEndian(request, ControlMessageFormat.PayloadLengthOffset, 5000);
        Assert.That(_client.SendRaw(request, length), Is.EqualTo(ControlStatus.Malformed));
        request[0] = 0;
        Assert.That(_client.SendRaw(request, length), Is.EqualTo(ControlStatus.Malformed));
    }

    [Test]
    public void ResponseSentToController_IsMalformed()
    {
        var request = new byte[64];
        var length = ControlMessageCodec.WriteMessage(request, MessageKind.Response, ControlCommand.Hello, ControlStatus.Ok, 1, [], 0);
        Assert.That(_client.SendRaw(request, length), Is.EqualTo(ControlStatus.Malformed));
    }

    [TestCase(ControlStatus.ChipNotAnswering)]
    [TestCase(ControlStatus.CrcError)]
    public void ChipFailureDuringArm_MovesToFault_AndResetLeavesIt(ControlStatus failure)
    {
        _client.Send(ControlCommand.Configure, ControlClient.Encode(ControlClient.ValidConfiguration()));
        _backend.ArmStatus = failure;

        Assert.That(_client.Send(ControlCommand.Arm), Is.EqualTo(failure));
        Assert.That(_machine.State, Is.EqualTo(ControllerState.Fault));
        Assert.That(_client.Send(ControlCommand.Configure, ControlClient.Encode(ControlClient.ValidConfiguration())), Is.EqualTo(ControlStatus.InvalidState));

        Assert.That(_client.Send(ControlCommand.Housekeeping), Is.EqualTo(ControlStatus.Ok));
        var housekeeping = new Housekeeping();
        Assert.That(Housekeeping.TryReadFrom(_client.Payload, 0, _client.Payload.Length, housekeeping), Is.True);
        Assert.That(housekeeping.State, Is.EqualTo(ControllerState.Fault));
        Assert.That(housekeeping.LastError, Does.StartWith("Arm failed"));

        Assert.That(_client.Send(ControlCommand.Reset), Is.EqualTo(ControlStatus.Ok));
        Assert.That(_machine.State, Is.EqualTo(ControllerState.Idle));
    }

    [Test]
    public void ChipFailureDuringConfigure_MovesToFault()
    {
        _backend.ConfigureStatus = ControlStatus.ChipNotAnswering;
        Assert.That(_client.Send(ControlCommand.Configure, ControlClient.Encode(ControlClient.ValidConfiguration())), Is.EqualTo(ControlStatus.ChipNotAnswering));
        Assert.That(_client.Reason, Is.EqualTo("Configure failed: chip not answering"));
        Assert.That(_machine.State, Is.EqualTo(ControllerState.Fault));
    }

    [Test]
    public void BackendFaultDuringAcquisition_IsSeenInHousekeeping()
    {
        DriveToAcquiring();
        _machine.Fault("FIFO overflow storm");
        Assert.That(_client.Send(ControlCommand.Housekeeping), Is.EqualTo(ControlStatus.Ok));
        Assert.That(_client.Payload[0], Is.EqualTo((byte)ControllerState.Fault));
    }

    [Test]
    public void FailedReset_StaysInFault()
    {
        _machine.Fault("chip gone");
        _backend.ResetStatus = ControlStatus.ChipNotAnswering;
        Assert.That(_client.Send(ControlCommand.Reset), Is.EqualTo(ControlStatus.ChipNotAnswering));
        Assert.That(_machine.State, Is.EqualTo(ControllerState.Fault));
    }

    [Test]
    public void FailingSelfTest_IsSelfTestFailedWithTheReport()
    {
        _backend.SelfTestFails = true;
        Assert.That(_client.Send(ControlCommand.SelfTest), Is.EqualTo(ControlStatus.SelfTestFailed));
        var report = new SelfTestReport();
        Assert.That(SelfTestReport.TryReadFrom(_client.Payload, 0, _client.Payload.Length, report), Is.True);
        Assert.That(report.Count, Is.EqualTo(2));
        Assert.That(report[1].Passed, Is.False);
    }

    [Test]
    public void BackendThrowing_IsInternalErrorWithTheMessage()
    {
        _backend.ThrowOnHello = true;
        Assert.That(_client.Send(ControlCommand.Hello), Is.EqualTo(ControlStatus.InternalError));
        Assert.That(_client.Reason, Is.EqualTo("internal error: board EEPROM unreadable"));
    }

    [Test]
    public void ResponseBufferTooSmall_IsRefused() =>
        Assert.That(
            () => new ControlDispatcher(_backend, _machine).Handle(new byte[20], 20, new byte[100]),
            Throws.ArgumentException);

    private void DriveToAcquiring()
    {
        _client.Send(ControlCommand.Configure, ControlClient.Encode(ControlClient.ValidConfiguration()));
        _client.Send(ControlCommand.Arm);
        _client.Send(ControlCommand.Start);
        Assert.That(_machine.State, Is.EqualTo(ControllerState.Acquiring));
    }
}

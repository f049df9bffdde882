using DetectorDaq.Firmware.Control;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Firmware.Tests.Fakes;

namespace DetectorDaq.Firmware.Tests.Control;

public class ControlDispatcherFuzzTests
{
    [Test]
    public void RandomBytes_AreAlwaysAnsweredWithAWellFormedResponse()
    {
        var random = new Random(20240501);
        var client = new ControlClient(new ControlDispatcher(new FakeControllerBackend(), new ControllerStateMachine()));
        var request = new byte[ControlMessageCodec.MaxMessageSize + 64];
        for (var i = 0; i < 10_000; i++)
        {
            var length = random.Next(0, 200);
            random.NextBytes(request.AsSpan(0, length));
            Assert.That(client.SendRaw(request, length), Is.EqualTo(ControlStatus.Malformed));
        }
    }

    [Test]
    public void ValidEnvelopesAroundRandomPayloads_NeverThrowAndKeepTheStateMachineSane()
    {
        var random = new Random(7);
        var machine = new ControllerStateMachine();
        var client = new ControlClient(new ControlDispatcher(new FakeControllerBackend(), machine));
        var request = new byte[ControlMessageCodec.MaxMessageSize];
        var statuses = new HashSet<ControlStatus>();
        for (var i = 0; i < 10_000; i++)
        {
            var payloadLength = random.Next(0, 3) switch { 0 => 0, 1 => random.Next(0, 48), _ => random.Next(0, ControlMessageFormat.MaxPayload + 1) };
            random.NextBytes(request.AsSpan(ControlMessageCodec.HeaderSize, payloadLength));
            var command = (ushort)random.Next(0, 13);
            var length = ControlMessageCodec.WriteEnvelope(request, MessageKind.Request, command, ControlStatus.Ok, (uint)i, payloadLength);

            statuses.Add(client.SendRaw(request, length));
            Assert.That(client.LastHeader.Sequence, Is.EqualTo((uint)i));
            Assert.That(client.LastHeader.CommandCode, Is.EqualTo(command));
        }

        Assert.That(statuses, Does.Contain(ControlStatus.Ok).And.Contain(ControlStatus.UnknownCommand).And.Contain(ControlStatus.Malformed));
        Assert.That(machine.State, Is.AnyOf(ControllerState.Idle, ControllerState.Configured, ControllerState.Armed, ControllerState.Acquiring, ControllerState.Fault));
    }
}

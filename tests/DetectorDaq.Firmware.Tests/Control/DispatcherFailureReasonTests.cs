using DetectorDaq.Firmware.Control;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Firmware.Tests.Fakes;

namespace DetectorDaq.Firmware.Tests.Control;

public class DispatcherFailureReasonTests
{
    [Test]
    public void WhenTheBackendFails_TheErrorResponseCarriesItsReason()
    {
        var backend = new FakeControllerBackend { ResetStatus = ControlStatus.ChipNotAnswering, FailureReason = "ADS131M08 returned all-ones frames" };
        var dispatcher = new ControlDispatcher(backend, new ControllerStateMachine());
        var request = new byte[ControlMessageCodec.MaxMessageSize];
        var response = new byte[ControlMessageCodec.MaxMessageSize];
        var length = ControlMessageCodec.WriteMessage(request, MessageKind.Request, ControlCommand.Reset, ControlStatus.Ok, 7, [], 0);

        dispatcher.Handle(request, length, response);

        AsciiField.TryRead(response, ControlMessageCodec.HeaderSize, response.Length, 255, out var reason);
        Assert.That(reason, Is.EqualTo("Reset failed: chip not answering: ADS131M08 returned all-ones frames"));
    }
}

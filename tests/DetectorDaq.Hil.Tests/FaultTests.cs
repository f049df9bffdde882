using DetectorDaq.Firmware.Control;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Hil.Controller;
using DetectorDaq.Host.Control;

namespace DetectorDaq.Hil.Tests;

[TestFixture]
public sealed class FaultTests
{
    [Test]
    public void WhenAChipStopsAnsweringDuringARun_ControllerFaultsAndRecoversAfterReset()
    {
        using var session = new HilSession(new SimulatedControllerOptions(Ddc264Chips: 2));
        using (var receiver = new DataReceiver())
        {
            session.StartRun(HilSession.Configuration(receiver.Port, 2, TestPatternMode.ChannelIndex, 0, integrationPeriodNs: 1_000_000));
            receiver.ReceiveFrames(3, HilSession.Timeout);
            Assert.That(receiver.CompleteFrames, Is.GreaterThanOrEqualTo(3), "the run streams before the fault");

            session.Controller.Fpga!.Chips[0].NotAnswering = true;
            var faulted = session.WaitForState(ControllerState.Fault, TimeSpan.FromSeconds(1));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(faulted.State, Is.EqualTo(ControllerState.Fault));
                Assert.That(faulted.LastError, Does.Contain("DVALID").And.Contain("not answering"));
            }
        }

        Assert.That(session.Client.Send(ControlCommand.Reset).Status, Is.EqualTo(ControlStatus.Ok));
        Assert.That(session.Board.Housekeeping().State, Is.EqualTo(ControllerState.Idle));

        session.Controller.Fpga!.Chips[0].NotAnswering = false;
        using var again = new DataReceiver();
        session.StartRun(HilSession.Configuration(again.Port, 2, TestPatternMode.ChannelIndex, 10));
        again.ReceiveFrames(10, HilSession.Timeout);
        Assert.That(again.ArrivalOrder, Is.EqualTo(Enumerable.Range(0, 10).Select(n => (ulong)n)), "the new run starts at frame 0 with nothing left over from the faulted one");
        Assert.That(session.WaitForState(ControllerState.Configured, HilSession.Timeout).State, Is.EqualTo(ControllerState.Configured));
    }
}

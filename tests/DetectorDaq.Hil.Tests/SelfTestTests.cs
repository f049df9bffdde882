using DetectorDaq.Firmware.Control;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Hil.Controller;

namespace DetectorDaq.Hil.Tests;

[TestFixture]
public sealed class SelfTestTests
{
    [Test]
    public void SelfTest_OnAHealthyController_PassesEveryCheck()
    {
        using var session = new HilSession(new SimulatedControllerOptions());

        var report = session.Board.SelfTest();

        Assert.That(Checks(report).Where(check => !check.Passed).Select(check => $"{check.Name}: {check.Detail}"), Is.Empty);
        Assert.That(report.Count, Is.GreaterThan(10));
    }

    // The reset answer is the first CRC-checked frame, so a corrupted output CRC already fails the reset check.
    [TestCase(HilFault.ChipNotAnswering, "ADS131M08 reset", "")]
    [TestCase(HilFault.BadCrc, "ADS131M08 reset", "CRC")]
    [TestCase(HilFault.FpgaNotAnswering, "FPGA ID", "")]
    [TestCase(HilFault.Ddc264NotAnswering, "DDC264 configuration read-back", "")]
    [TestCase(HilFault.ReadbackMismatch, "DDC264 configuration read-back", "")]
    public void SelfTest_WithAnInjectedFault_NamesTheFailingCheck(HilFault fault, string failingCheck, string detailMentions)
    {
        using var session = new HilSession(new SimulatedControllerOptions(Fault: fault));

        var report = session.Board.SelfTest();

        var failed = Checks(report).Where(check => !check.Passed).ToArray();
        TestContext.Out.WriteLine(string.Join(Environment.NewLine, failed.Select(check => $"{check.Name}: {check.Detail}")));
        Assert.That(report.AllPassed, Is.False);
        Assert.That(failed, Is.Not.Empty);
        Assert.That(failed[0].Name, Is.EqualTo(failingCheck));
        Assert.That(failed[0].Detail, Does.Contain(detailMentions));
    }

    [Test]
    public void SelfTestAfterConfigure_KeepsTheConfigurationForTheNextRun()
    {
        using var session = new HilSession(new SimulatedControllerOptions(Ddc264Chips: 4));
        using var receiver = new DataReceiver();
        var configuration = HilSession.Configuration(receiver.Port, 2, TestPatternMode.ChannelIndex, 10);
        Assert.That(session.Send(ControlCommand.Configure, configuration).Status, Is.EqualTo(ControlStatus.Ok));

        var report = session.Board.SelfTest();
        Assert.That(report.AllPassed, Is.True);
        Assert.That(session.Board.Housekeeping().State, Is.EqualTo(ControllerState.Configured));

        Assert.That(session.Client.Send(ControlCommand.Arm).Status, Is.EqualTo(ControlStatus.Ok));
        Assert.That(session.Client.Send(ControlCommand.Start).Status, Is.EqualTo(ControlStatus.Ok));
        receiver.ReceiveFrames(10, HilSession.Timeout);

        var frames = receiver.Frames.ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(receiver.ArrivalOrder, Is.EqualTo(Enumerable.Range(0, 10).Select(n => (ulong)n)), "the run starts at frame 0 with nothing left over from the self-test");
            Assert.That(frames, Has.Length.EqualTo(10));
            Assert.That(frames.Select(frame => frame.ChannelCount), Is.All.EqualTo(128), "two chips of the four fitted, as configured");
            Assert.That(frames.Select(frame => frame.FrameSamples.SequenceEqual(Enumerable.Range(0, 128))), Is.All.True);
        }
    }

    private static IEnumerable<SelfTestCheck> Checks(SelfTestReport report) => Enumerable.Range(0, report.Count).Select(i => report[i]);
}

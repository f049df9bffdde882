using DetectorDaq.Firmware.Control;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Tests.Control;

public class ControllerStateMachineTests
{
    private const ControllerState Refused = (ControllerState)255;

    // Every state × trigger; Refused means the trigger is not allowed and the state stays.
    [TestCase(ControllerState.Idle, ControllerTrigger.Configure, ControllerState.Configured)]
    [TestCase(ControllerState.Idle, ControllerTrigger.Arm, Refused)]
    [TestCase(ControllerState.Idle, ControllerTrigger.Start, Refused)]
    [TestCase(ControllerState.Idle, ControllerTrigger.Stop, Refused)]
    [TestCase(ControllerState.Idle, ControllerTrigger.Fault, ControllerState.Fault)]
    [TestCase(ControllerState.Idle, ControllerTrigger.Reset, ControllerState.Idle)]
    [TestCase(ControllerState.Idle, ControllerTrigger.AcquisitionFinished, Refused)]
    [TestCase(ControllerState.Configured, ControllerTrigger.Configure, ControllerState.Configured)]
    [TestCase(ControllerState.Configured, ControllerTrigger.Arm, ControllerState.Armed)]
    [TestCase(ControllerState.Configured, ControllerTrigger.Start, Refused)]
    [TestCase(ControllerState.Configured, ControllerTrigger.Stop, Refused)]
    [TestCase(ControllerState.Configured, ControllerTrigger.Fault, ControllerState.Fault)]
    [TestCase(ControllerState.Configured, ControllerTrigger.Reset, ControllerState.Idle)]
    [TestCase(ControllerState.Configured, ControllerTrigger.AcquisitionFinished, Refused)]
    [TestCase(ControllerState.Armed, ControllerTrigger.Configure, Refused)]
    [TestCase(ControllerState.Armed, ControllerTrigger.Arm, Refused)]
    [TestCase(ControllerState.Armed, ControllerTrigger.Start, ControllerState.Acquiring)]
    [TestCase(ControllerState.Armed, ControllerTrigger.Stop, ControllerState.Configured)]
    [TestCase(ControllerState.Armed, ControllerTrigger.Fault, ControllerState.Fault)]
    [TestCase(ControllerState.Armed, ControllerTrigger.Reset, ControllerState.Idle)]
    [TestCase(ControllerState.Armed, ControllerTrigger.AcquisitionFinished, Refused)]
    [TestCase(ControllerState.Acquiring, ControllerTrigger.Configure, Refused)]
    [TestCase(ControllerState.Acquiring, ControllerTrigger.Arm, Refused)]
    [TestCase(ControllerState.Acquiring, ControllerTrigger.Start, Refused)]
    [TestCase(ControllerState.Acquiring, ControllerTrigger.Stop, ControllerState.Configured)]
    [TestCase(ControllerState.Acquiring, ControllerTrigger.Fault, ControllerState.Fault)]
    [TestCase(ControllerState.Acquiring, ControllerTrigger.Reset, ControllerState.Idle)]
    [TestCase(ControllerState.Acquiring, ControllerTrigger.AcquisitionFinished, ControllerState.Configured)]
    [TestCase(ControllerState.Fault, ControllerTrigger.Configure, Refused)]
    [TestCase(ControllerState.Fault, ControllerTrigger.Arm, Refused)]
    [TestCase(ControllerState.Fault, ControllerTrigger.Start, Refused)]
    [TestCase(ControllerState.Fault, ControllerTrigger.Stop, Refused)]
    [TestCase(ControllerState.Fault, ControllerTrigger.Fault, ControllerState.Fault)]
    [TestCase(ControllerState.Fault, ControllerTrigger.Reset, ControllerState.Idle)]
    [TestCase(ControllerState.Fault, ControllerTrigger.AcquisitionFinished, Refused)]
    public void Trigger_InState_LeadsToExpectedState(ControllerState from, ControllerTrigger trigger, ControllerState to)
    {
        var machine = MachineIn(from);
        var allowed = to != Refused;

        Assert.That(machine.CanFire(trigger), Is.EqualTo(allowed));
        Assert.That(ControllerStateMachine.IsAllowed(from, trigger), Is.EqualTo(allowed));
        Assert.That(machine.TryFire(trigger), Is.EqualTo(allowed));
        Assert.That(machine.State, Is.EqualTo(allowed ? to : from));
    }

    [Test]
    public void StateChanged_ReportsEveryTransitionInOrder()
    {
        var machine = new ControllerStateMachine();
        var seen = new List<(ControllerState, ControllerState, ControllerTrigger)>();
        machine.StateChanged += (previous, current, trigger) => seen.Add((previous, current, trigger));

        machine.TryFire(ControllerTrigger.Configure);
        machine.TryFire(ControllerTrigger.Start);
        machine.Fault("ADS131M08 stopped answering");

        Assert.That(seen, Is.EqualTo(new[]
        {
            (ControllerState.Idle, ControllerState.Configured, ControllerTrigger.Configure),
            (ControllerState.Configured, ControllerState.Fault, ControllerTrigger.Fault),
        }));
        Assert.That(machine.LastFaultReason, Is.EqualTo("ADS131M08 stopped answering"));
    }

    [Test]
    public void FaultReason_IsKeptAfterResetAndMadeOneLine()
    {
        var machine = new ControllerStateMachine();
        machine.Fault("line one\nline two");
        machine.TryFire(ControllerTrigger.Reset);
        Assert.That(machine.State, Is.EqualTo(ControllerState.Idle));
        Assert.That(machine.LastFaultReason, Is.EqualTo("line one?line two"));
    }

    [Test]
    public void ConcurrentFiring_KeepsTheMachineConsistent()
    {
        var machine = new ControllerStateMachine();
        var transitions = 0;
        machine.StateChanged += (_, _, _) => Interlocked.Increment(ref transitions);
        var fired = 0;
        Parallel.For(0, 8, worker =>
        {
            for (var i = 0; i < 2000; i++)
            {
                var trigger = (ControllerTrigger)((worker + i) % 7);
                if (machine.TryFire(trigger))
                {
                    Interlocked.Increment(ref fired);
                }
            }
        });

        Assert.That(transitions, Is.EqualTo(fired));
        Assert.That(machine.State, Is.AnyOf(ControllerState.Idle, ControllerState.Configured, ControllerState.Armed, ControllerState.Acquiring, ControllerState.Fault));
    }

    private static ControllerStateMachine MachineIn(ControllerState state)
    {
        var machine = new ControllerStateMachine();
        var path = state switch
        {
            ControllerState.Configured => new[] { ControllerTrigger.Configure },
            ControllerState.Armed => [ControllerTrigger.Configure, ControllerTrigger.Arm],
            ControllerState.Acquiring => [ControllerTrigger.Configure, ControllerTrigger.Arm, ControllerTrigger.Start],
            ControllerState.Fault => [ControllerTrigger.Fault],
            _ => [],
        };
        foreach (var trigger in path)
        {
            machine.TryFire(trigger);
        }

        Assert.That(machine.State, Is.EqualTo(state));
        return machine;
    }
}

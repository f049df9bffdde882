using DetectorDaq.Firmware.Control;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Host.RunControl;

namespace DetectorDaq.Host.Tests;

public class ControllerStateMirrorTests
{
    // Trigger sequences that bring a fresh firmware machine (Idle) into each state.
    private static readonly Dictionary<ControllerState, ControllerTrigger[]> PathTo = new()
    {
        [ControllerState.Idle] = [],
        [ControllerState.Configured] = [ControllerTrigger.Configure],
        [ControllerState.Armed] = [ControllerTrigger.Configure, ControllerTrigger.Arm],
        [ControllerState.Acquiring] = [ControllerTrigger.Configure, ControllerTrigger.Arm, ControllerTrigger.Start],
        [ControllerState.Fault] = [ControllerTrigger.Fault],
    };

    private static IEnumerable<TestCaseData> EveryStateAndTrigger() =>
        from state in Enum.GetValues<ControllerState>()
        from trigger in Enum.GetValues<ControllerTrigger>()
        select new TestCaseData(state, trigger);

    [TestCaseSource(nameof(EveryStateAndTrigger))]
    public void Mirror_TakesTheSameTransitionsAsTheFirmwareMachine(ControllerState state, ControllerTrigger trigger)
    {
        var firmware = new ControllerStateMachine();
        foreach (var step in PathTo[state])
        {
            Assert.That(firmware.TryFire(step), Is.True);
        }

        var mirror = new ControllerStateMirror(state);

        var firmwareTook = firmware.TryFire(trigger);

        Assert.That(mirror.CanFire(trigger), Is.EqualTo(firmwareTook));
        if (firmwareTook)
        {
            mirror.Fire(trigger);
            Assert.That(mirror.State, Is.EqualTo(firmware.State));
        }
    }

    [Test]
    public void Observe_FollowsAControllerThatFaultedOnItsOwn()
    {
        var mirror = new ControllerStateMirror(ControllerState.Acquiring);

        var diverged = mirror.Observe(ControllerState.Fault);

        Assert.That((diverged, mirror.State), Is.EqualTo((true, ControllerState.Fault)));
    }

    [Test]
    public void Observe_FollowsAFiniteRunThatFinished()
    {
        var mirror = new ControllerStateMirror(ControllerState.Acquiring);

        mirror.Observe(ControllerState.Configured);

        Assert.That(mirror.State, Is.EqualTo(ControllerState.Configured));
    }

    [Test]
    public void Observe_RefusesAStateNoTransitionExplains()
    {
        var mirror = new ControllerStateMirror(ControllerState.Idle);

        Assert.Throws<InvalidOperationException>(() => mirror.Observe(ControllerState.Acquiring));
    }

    [Test]
    public void StateMachineDoc_ShowsTheCurrentGraph()
    {
        var expected = StateMachineDocs.Controller(new ControllerStateMirror().ToMermaid());

        DocFile.AssertCurrent(Path.Combine("docs", "state-machines", "controller.md"), expected);
    }
}

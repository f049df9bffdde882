using DetectorDaq.Firmware.Control;
using DetectorDaq.Firmware.Interfaces;
using Stateless;
using Stateless.Graph;

namespace DetectorDaq.Host.RunControl;

/// <summary>
/// The host's copy of one controller's state machine, built with Stateless from the same states and
/// triggers as the firmware's hand-written <see cref="ControllerStateMachine"/>. Run control fires it
/// when a command succeeds, so it knows which commands a controller will accept before sending them,
/// and <see cref="Observe"/> realigns it with the state a controller reports in housekeeping.
/// </summary>
public sealed class ControllerStateMirror
{
    private readonly StateMachine<ControllerState, ControllerTrigger> _machine;

    /// <summary>Creates a mirror starting in <paramref name="initial"/> (a controller after power-up is Idle).</summary>
    public ControllerStateMirror(ControllerState initial = ControllerState.Idle)
    {
        var state = initial;
        _machine = new StateMachine<ControllerState, ControllerTrigger>(() => state, s => state = s, FiringMode.Queued);

        _machine.Configure(ControllerState.Idle)
            .Permit(ControllerTrigger.Configure, ControllerState.Configured)
            .PermitReentry(ControllerTrigger.Reset)
            .Permit(ControllerTrigger.Fault, ControllerState.Fault);

        _machine.Configure(ControllerState.Configured)
            .PermitReentry(ControllerTrigger.Configure)
            .Permit(ControllerTrigger.Arm, ControllerState.Armed)
            .Permit(ControllerTrigger.Reset, ControllerState.Idle)
            .Permit(ControllerTrigger.Fault, ControllerState.Fault);

        _machine.Configure(ControllerState.Armed)
            .Permit(ControllerTrigger.Start, ControllerState.Acquiring)
            .Permit(ControllerTrigger.Stop, ControllerState.Configured)
            .Permit(ControllerTrigger.Reset, ControllerState.Idle)
            .Permit(ControllerTrigger.Fault, ControllerState.Fault);

        _machine.Configure(ControllerState.Acquiring)
            .Permit(ControllerTrigger.Stop, ControllerState.Configured)
            .Permit(ControllerTrigger.AcquisitionFinished, ControllerState.Configured)
            .Permit(ControllerTrigger.Reset, ControllerState.Idle)
            .Permit(ControllerTrigger.Fault, ControllerState.Fault);

        _machine.Configure(ControllerState.Fault)
            .PermitReentry(ControllerTrigger.Fault)
            .Permit(ControllerTrigger.Reset, ControllerState.Idle);
    }

    /// <summary>The state the controller is believed to be in.</summary>
    public ControllerState State => _machine.State;

    /// <summary>True when the controller accepts <paramref name="trigger"/> in <see cref="State"/>.</summary>
    public bool CanFire(ControllerTrigger trigger) => _machine.CanFire(trigger);

    /// <summary>Records that <paramref name="trigger"/> happened on the controller.</summary>
    /// <exception cref="InvalidOperationException">The controller could not have taken that transition.</exception>
    public void Fire(ControllerTrigger trigger) => _machine.Fire(trigger);

    /// <summary>
    /// Aligns the mirror with <paramref name="reported"/>, the state housekeeping returned; true when the
    /// mirror had diverged (the controller faulted or finished on its own).
    /// </summary>
    public bool Observe(ControllerState reported)
    {
        if (reported == State)
        {
            return false;
        }

        switch (reported)
        {
            case ControllerState.Fault:
                _machine.Fire(ControllerTrigger.Fault);
                break;
            case ControllerState.Configured when State == ControllerState.Acquiring:
                _machine.Fire(ControllerTrigger.AcquisitionFinished);
                break;
            default:
                throw new InvalidOperationException($"controller reports {reported} while the host expected {State}; no transition explains it");
        }

        return true;
    }

    /// <summary>The machine as a Mermaid state diagram, for the docs.</summary>
    public string ToMermaid() => MermaidGraph.Format(_machine.GetInfo());
}

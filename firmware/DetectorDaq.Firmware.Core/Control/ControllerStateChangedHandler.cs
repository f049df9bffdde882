using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Control
{
    /// <summary>Called after the <see cref="ControllerStateMachine"/> took a transition (also one back to the same state).</summary>
    /// <param name="previous">State before the transition.</param>
    /// <param name="current">State after it.</param>
    /// <param name="trigger">What caused it.</param>
    public delegate void ControllerStateChangedHandler(ControllerState previous, ControllerState current, ControllerTrigger trigger);
}

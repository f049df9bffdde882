using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Control
{
    /// <summary>One row of the controller's transition table.</summary>
    internal sealed class ControllerTransition
    {
        private ControllerTransition(bool fromAnyState, ControllerState source, ControllerTrigger trigger, ControllerState destination)
        {
            FromAnyState = fromAnyState;
            Source = source;
            Trigger = trigger;
            Destination = destination;
        }

        /// <summary>True when the row applies in every state.</summary>
        public bool FromAnyState { get; }

        /// <summary>State the row applies in, unless <see cref="FromAnyState"/>.</summary>
        public ControllerState Source { get; }

        /// <summary>Trigger the row answers.</summary>
        public ControllerTrigger Trigger { get; }

        /// <summary>State after the transition.</summary>
        public ControllerState Destination { get; }

        /// <summary>A row taken only in <paramref name="source"/>.</summary>
        public static ControllerTransition From(ControllerState source, ControllerTrigger trigger, ControllerState destination) =>
            new ControllerTransition(false, source, trigger, destination);

        /// <summary>A row taken in every state.</summary>
        public static ControllerTransition FromAny(ControllerTrigger trigger, ControllerState destination) =>
            new ControllerTransition(true, ControllerState.Idle, trigger, destination);

        /// <summary>True when the row answers <paramref name="trigger"/> in <paramref name="state"/>.</summary>
        public bool Matches(ControllerState state, ControllerTrigger trigger) =>
            Trigger == trigger && (FromAnyState || Source == state);
    }
}

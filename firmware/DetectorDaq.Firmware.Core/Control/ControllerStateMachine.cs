using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Control
{
    /// <summary>
    /// The controller's own state machine, an explicit transition table (no library, so that it runs on
    /// nanoFramework). The host mirrors it with Stateless.
    /// <code>
    /// stateDiagram-v2
    ///     [*] --> Idle
    ///     Idle --> Configured : Configure
    ///     Configured --> Configured : Configure
    ///     Configured --> Armed : Arm
    ///     Armed --> Acquiring : Start
    ///     Armed --> Configured : Stop
    ///     Acquiring --> Configured : Stop
    ///     Acquiring --> Configured : AcquisitionFinished
    ///     note "from any state: Fault --> Fault, Reset --> Idle"
    /// </code>
    /// Thread-safe: the dispatcher, the acquisition loop and fault handlers fire it from different
    /// threads. <see cref="StateChanged"/> is raised on the firing thread after the lock is released,
    /// so a handler may fire again without deadlock.
    /// </summary>
    public sealed class ControllerStateMachine
    {
        // Read top to bottom; the first matching row wins.
        private static readonly ControllerTransition[] Transitions =
        {
            ControllerTransition.From(ControllerState.Idle, ControllerTrigger.Configure, ControllerState.Configured),
            ControllerTransition.From(ControllerState.Configured, ControllerTrigger.Configure, ControllerState.Configured),
            ControllerTransition.From(ControllerState.Configured, ControllerTrigger.Arm, ControllerState.Armed),
            ControllerTransition.From(ControllerState.Armed, ControllerTrigger.Start, ControllerState.Acquiring),
            ControllerTransition.From(ControllerState.Armed, ControllerTrigger.Stop, ControllerState.Configured),
            ControllerTransition.From(ControllerState.Acquiring, ControllerTrigger.Stop, ControllerState.Configured),
            ControllerTransition.From(ControllerState.Acquiring, ControllerTrigger.AcquisitionFinished, ControllerState.Configured),
            ControllerTransition.FromAny(ControllerTrigger.Fault, ControllerState.Fault),
            ControllerTransition.FromAny(ControllerTrigger.Reset, ControllerState.Idle),
        };

        private readonly object _gate = new object();
        private ControllerState _state = ControllerState.Idle;
        private string _lastFaultReason = string.Empty;

        /// <summary>Raised after every transition taken.</summary>
        // Starts with a no-op handler so that raising needs no null check and no nullable annotation,
        // which the nanoFramework build cannot carry.
        public event ControllerStateChangedHandler StateChanged = delegate { };

        /// <summary>Current state; Idle at power-up.</summary>
        public ControllerState State
        {
            get
            {
                lock (_gate)
                {
                    return _state;
                }
            }
        }

        /// <summary>Reason given with the last <see cref="Fault"/>; empty until the first fault. Kept after Reset for diagnosis.</summary>
        public string LastFaultReason
        {
            get
            {
                lock (_gate)
                {
                    return _lastFaultReason;
                }
            }
        }

        /// <summary>True when <paramref name="trigger"/> is allowed in the current state.</summary>
        public bool CanFire(ControllerTrigger trigger)
        {
            lock (_gate)
            {
                return Find(_state, trigger) >= 0;
            }
        }

        /// <summary>True when <paramref name="trigger"/> is allowed in <paramref name="state"/>.</summary>
        public static bool IsAllowed(ControllerState state, ControllerTrigger trigger) => Find(state, trigger) >= 0;

        /// <summary>Takes the transition for <paramref name="trigger"/>; false (state unchanged) when it is not allowed.</summary>
        public bool TryFire(ControllerTrigger trigger)
        {
            ControllerState previous;
            ControllerState current;
            lock (_gate)
            {
                var row = Find(_state, trigger);
                if (row < 0)
                {
                    return false;
                }

                previous = _state;
                _state = Transitions[row].Destination;
                current = _state;
            }

            StateChanged(previous, current, trigger);
            return true;
        }

        /// <summary>Enters Fault from any state and records <paramref name="reason"/> (one line).</summary>
        public void Fault(string reason)
        {
            lock (_gate)
            {
                _lastFaultReason = AsciiField.Fit(reason, Housekeeping.MaxErrorLength);
            }

            TryFire(ControllerTrigger.Fault);
        }

        // Index of the first row that answers, -1 when none does.
        private static int Find(ControllerState state, ControllerTrigger trigger)
        {
            for (var i = 0; i < Transitions.Length; i++)
            {
                if (Transitions[i].Matches(state, trigger))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}

namespace DetectorDaq.Firmware.Control
{
    /// <summary>Events that move the <see cref="ControllerStateMachine"/>.</summary>
    public enum ControllerTrigger : byte
    {
        /// <summary>A configuration was applied to the chips.</summary>
        Configure = 0,

        /// <summary>Acquisition was prepared (FIFO cleared, counters reset).</summary>
        Arm = 1,

        /// <summary>Streaming started.</summary>
        Start = 2,

        /// <summary>Streaming stopped on request.</summary>
        Stop = 3,

        /// <summary>An error stopped the controller.</summary>
        Fault = 4,

        /// <summary>Chips and controller were reset.</summary>
        Reset = 5,

        /// <summary>A finite acquisition sent its last frame.</summary>
        AcquisitionFinished = 6,
    }
}

using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Control
{
    /// <summary>
    /// What the <see cref="ControlDispatcher"/> asks of the board (real chips, or the HIL's virtual ones).
    /// The dispatcher has already checked the message, the state and the arguments (register writes
    /// against the register map) and fires the <see cref="ControllerStateMachine"/> when a call returns
    /// <see cref="ControlStatus.Ok"/>.
    /// <para>
    /// Events the board discovers on its own go straight to the same <see cref="ControllerStateMachine"/>,
    /// which the backend is given when it is built: a chip that stops answering or a FIFO error during
    /// acquisition calls <see cref="ControllerStateMachine.Fault"/>; a finite acquisition that sent its
    /// last frame fires <see cref="ControllerTrigger.AcquisitionFinished"/>.
    /// </para>
    /// Calls come one at a time from the dispatcher; a backend may throw, the dispatcher answers
    /// <see cref="ControlStatus.InternalError"/> with the exception's message.
    /// </summary>
    public interface IControllerBackend
    {
        /// <summary>
        /// Applies a validated configuration to chips, FPGA and framer. The instance is reused for the next
        /// request: copy what is kept. ChipNotAnswering or CrcError move the controller to Fault.
        /// </summary>
        ControlStatus Configure(ControllerConfiguration configuration);

        /// <summary>Reads one register whose address the register map defines.</summary>
        ControlStatus ReadRegister(ChipKind chip, int chipIndex, int address, out uint value);

        /// <summary>Writes one register; address and value already passed the register-map check.</summary>
        ControlStatus WriteRegister(ChipKind chip, int chipIndex, int address, uint value);

        /// <summary>Runs the board self-test, adding one check per item to the empty <paramref name="report"/>.</summary>
        ControlStatus RunSelfTest(SelfTestReport report);

        /// <summary>Prepares acquisition (FIFO cleared, frame counter reset). ChipNotAnswering or CrcError move the controller to Fault.</summary>
        ControlStatus Arm();

        /// <summary>Starts streaming frames. ChipNotAnswering or CrcError move the controller to Fault.</summary>
        ControlStatus Start();

        /// <summary>Stops streaming.</summary>
        ControlStatus Stop();

        /// <summary>Resets chips and FPGA to their power-up state; anything but Ok moves the controller to Fault.</summary>
        ControlStatus Reset();

        /// <summary>
        /// One line saying why the last call that did not return <see cref="ControlStatus.Ok"/> failed
        /// ("ADS131M08 returned all-ones frames"); the dispatcher adds it to the error response.
        /// </summary>
        string FailureReason { get; }

        /// <summary>Fills the cleared <paramref name="info"/> for a Hello response.</summary>
        void FillInfo(ControllerInfo info);

        /// <summary>Fills counters, temperature and, when it knows better, the last error (preset to the last fault reason); the dispatcher sets the state.</summary>
        void FillHousekeeping(Housekeeping housekeeping);
    }
}

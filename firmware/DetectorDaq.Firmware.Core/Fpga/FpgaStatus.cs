using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Fpga
{
    /// <summary>Decoded FPGA STATUS register (fpga.yaml, address 0x03).</summary>
    public struct FpgaStatus
    {
        /// <summary>Decodes the raw STATUS value.</summary>
        public FpgaStatus(uint raw)
        {
            _raw = raw;
        }

        // An explicit field: a getter-only auto-property in a struct makes the compiler embed
        // IsReadOnlyAttribute, which nanoFramework does not load.
        private uint _raw;

        /// <summary>Register value as read.</summary>
        public uint Raw
        {
            get { return _raw; }
        }

        /// <summary>Acquisition running (CONV toggling, frames pushed).</summary>
        public bool Running => (Raw & FpgaRegisters.StatusRunningMask) != 0;

        /// <summary>FIFO holds no word.</summary>
        public bool FifoEmpty => (Raw & FpgaRegisters.StatusFifoEmptyMask) != 0;

        /// <summary>A frame was dropped because the FIFO was full; sticky until FIFO_CLEAR.</summary>
        public bool FifoOverflow => (Raw & FpgaRegisters.StatusFifoOverflowMask) != 0;

        /// <summary>Configuration shift or read-back in progress.</summary>
        public bool DdcBusy => (Raw & FpgaRegisters.StatusDdcBusyMask) != 0;

        /// <summary>A conversion ended without DVALID from the chain; sticky until FIFO_CLEAR.</summary>
        public bool DvalidTimeout => (Raw & FpgaRegisters.StatusDvalidTimeoutMask) != 0;

        /// <summary>DDC_READBACK holds a complete read-back.</summary>
        public bool ReadBackValid => (Raw & FpgaRegisters.StatusReadbackValidMask) != 0;
    }
}

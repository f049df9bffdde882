namespace DetectorDaq.Firmware.Ddc264
{
    /// <summary>What went wrong with a DDC264 chain.</summary>
    public enum Ddc264Error : byte
    {
        /// <summary>A chip gave no read-back (all zeros) or the FPGA never completed one.</summary>
        NotAnswering = 0,

        /// <summary>A chip's read-back differs from the written configuration or the expected pattern.</summary>
        ReadBackMismatch = 1,

        /// <summary>The FPGA stayed busy with a configuration shift or read-back past the poll limit.</summary>
        Timeout = 2,

        /// <summary>The FPGA FIFO overflowed and dropped frames.</summary>
        FifoOverflow = 3,

        /// <summary>A conversion ended without DVALID from the chain.</summary>
        DvalidTimeout = 4,
    }
}

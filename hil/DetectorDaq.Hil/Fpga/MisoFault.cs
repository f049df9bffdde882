namespace DetectorDaq.Hil.Fpga;

/// <summary>Fault on the FPGA's SPI link: the FPGA does not answer and MISO sits at one level.</summary>
public enum MisoFault
{
    /// <summary>The link works.</summary>
    None = 0,

    /// <summary>MISO pulled high: every byte reads 0xFF (unconfigured FPGA, floating line with pull-up).</summary>
    StuckHigh = 1,

    /// <summary>MISO low: every byte reads 0x00 (FPGA unpowered).</summary>
    StuckLow = 2,
}

namespace DetectorDaq.Hil.Chips;

/// <summary>Injected fault of a virtual device's SPI data output: the device does not answer and MISO sits at one level.</summary>
public enum MisoFault
{
    /// <summary>The line works.</summary>
    None = 0,

    /// <summary>MISO stuck high: every byte reads 0xFF (unconfigured FPGA, floating line with pull-up).</summary>
    StuckHigh = 1,

    /// <summary>MISO stuck low: every byte reads 0x00 (device unpowered).</summary>
    StuckLow = 2,
}

namespace DetectorDaq.Hil.Controller;

/// <summary>Faults a simulated controller can be started with (<c>detdaq hil controller --fault NAME</c>).</summary>
public enum HilFault
{
    /// <summary>Healthy board.</summary>
    None,

    /// <summary>The ADS131M08 does not answer: its DOUT is stuck high.</summary>
    ChipNotAnswering,

    /// <summary>The ADS131M08 sends frames with a corrupted output CRC.</summary>
    BadCrc,

    /// <summary>The FPGA does not answer: its MISO is stuck low.</summary>
    FpgaNotAnswering,

    /// <summary>One DDC264 of the chain gives no DVALID and no read-back.</summary>
    Ddc264NotAnswering,

    /// <summary>One DDC264 of the chain reads back a configuration word with a flipped bit.</summary>
    ReadbackMismatch,
}

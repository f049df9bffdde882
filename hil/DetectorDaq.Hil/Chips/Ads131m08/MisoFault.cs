namespace DetectorDaq.Hil.Chips.Ads131m08;

/// <summary>Injected fault of the virtual chip's DOUT line.</summary>
public enum MisoFault
{
    /// <summary>DOUT works.</summary>
    None,

    /// <summary>DOUT stuck high: every byte reads 0xFF.</summary>
    StuckHigh,

    /// <summary>DOUT stuck low: every byte reads 0x00.</summary>
    StuckLow,
}

namespace DetectorDaq.Hil.Scenarios;

/// <summary>What a <see cref="UdpImpairmentProxy"/> does with the datagrams it held during a stall when the stall ends.</summary>
public enum StallRelease
{
    /// <summary>Send them on, in arrival order, through the usual impairments (a controller that catches up).</summary>
    Deliver,

    /// <summary>Discard them (a controller whose buffers were flushed).</summary>
    Drop,
}

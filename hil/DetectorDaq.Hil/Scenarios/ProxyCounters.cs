namespace DetectorDaq.Hil.Scenarios;

/// <summary>
/// What a <see cref="UdpImpairmentProxy"/> has done so far, in datagrams. Every received datagram ends up in exactly
/// one of <see cref="Forwarded"/>, <see cref="Dropped"/>, <see cref="StallDropped"/>, <see cref="OverflowDropped"/>
/// or <see cref="Held"/>.
/// </summary>
/// <param name="Received">Datagrams received from the source.</param>
/// <param name="Forwarded">Distinct datagrams sent to the target (a duplicated one counts once here).</param>
/// <param name="Dropped">Datagrams discarded by the loss impairment.</param>
/// <param name="Duplicated">Extra copies sent; the target receives <c>Forwarded + Duplicated</c> datagrams.</param>
/// <param name="Reordered">Forwarded datagrams that were held back and overtaken by later ones.</param>
/// <param name="Corrupted">Forwarded datagrams with one bit flipped.</param>
/// <param name="Stalled">Datagrams that arrived during a stall.</param>
/// <param name="StallDropped">Stalled datagrams discarded when their stall ended with <see cref="StallRelease.Drop"/>.</param>
/// <param name="OverflowDropped">Stalled datagrams discarded because every hold buffer was in use.</param>
/// <param name="Held">Datagrams held back (reorder or stall) at the time of the snapshot.</param>
public readonly record struct ProxyCounters(
    long Received,
    long Forwarded,
    long Dropped,
    long Duplicated,
    long Reordered,
    long Corrupted,
    long Stalled,
    long StallDropped,
    long OverflowDropped,
    long Held)
{
    /// <summary>Datagrams the target never receives: <c>Dropped + StallDropped + OverflowDropped</c>.</summary>
    public long Lost => Dropped + StallDropped + OverflowDropped;
}

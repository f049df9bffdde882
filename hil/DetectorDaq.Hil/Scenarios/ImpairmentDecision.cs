namespace DetectorDaq.Hil.Scenarios;

/// <summary>The fate of one datagram, as decided by <see cref="ImpairmentDice"/>.</summary>
/// <param name="Drop">The datagram is not forwarded; the other fields do not apply.</param>
/// <param name="Duplicate">The datagram is sent twice in a row.</param>
/// <param name="Reorder">The datagram is held back until later datagrams have overtaken it.</param>
/// <param name="CorruptBit">Index of the bit to flip (byte index × 8 + bit 0..7, bit 0 the least significant), or −1.</param>
public readonly record struct ImpairmentDecision(bool Drop, bool Duplicate, bool Reorder, int CorruptBit);

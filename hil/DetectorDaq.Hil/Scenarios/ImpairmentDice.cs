namespace DetectorDaq.Hil.Scenarios;

/// <summary>
/// Decides the fate of each datagram from a seeded <see cref="Random"/>. Every call draws the same five numbers
/// whatever the outcome, so the n-th datagram's fate depends only on the seed, n and its length; a test can replay
/// the proxy's decisions with a second instance built from the same impairments.
/// </summary>
public sealed class ImpairmentDice
{
    private readonly ProxyImpairments _impairments;
    private readonly Random _random;

    /// <summary>Creates the dice for <paramref name="impairments"/>, seeded with its <see cref="ProxyImpairments.Seed"/>.</summary>
    public ImpairmentDice(ProxyImpairments impairments)
    {
        ArgumentNullException.ThrowIfNull(impairments);
        impairments.Validate();
        _impairments = impairments;
        _random = new Random(impairments.Seed);
    }

    /// <summary>The fate of the next datagram, <paramref name="length"/> bytes long (at least 1).</summary>
    public ImpairmentDecision Next(int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        var lossRoll = _random.NextDouble();
        var duplicateRoll = _random.NextDouble();
        var reorderRoll = _random.NextDouble();
        var corruptRoll = _random.NextDouble();
        var bitRoll = _random.NextDouble();
        if (lossRoll < _impairments.LossFraction)
        {
            return new ImpairmentDecision(Drop: true, Duplicate: false, Reorder: false, CorruptBit: -1);
        }

        var corruptBit = -1;
        if (corruptRoll < _impairments.CorruptionFraction)
        {
            var firstByte = length > ProxyImpairments.DataPacketHeaderBytes ? ProxyImpairments.DataPacketHeaderBytes : 0;
            var bits = (length - firstByte) * 8;
            corruptBit = firstByte * 8 + Math.Min(bits - 1, (int)(bitRoll * bits));
        }

        return new ImpairmentDecision(
            Drop: false,
            Duplicate: duplicateRoll < _impairments.DuplicateFraction,
            Reorder: reorderRoll < _impairments.ReorderFraction,
            CorruptBit: corruptBit);
    }
}

namespace DetectorDaq.Hil.Scenarios;

/// <summary>
/// What a <see cref="UdpImpairmentProxy"/> does to the datagrams it forwards. Fractions are probabilities per datagram,
/// 0 to 1, drawn from one <see cref="Random"/> seeded with <see cref="Seed"/>, so the same datagram sequence always
/// meets the same fate.
/// </summary>
public sealed record ProxyImpairments
{
    /// <summary>Header bytes of a UDP data packet (docs/interfaces/udp_data_packet.md); corruption spares them.</summary>
    public const int DataPacketHeaderBytes = 48;

    /// <summary>No impairment: every datagram is forwarded once, in order, unchanged.</summary>
    public static ProxyImpairments None { get; } = new();

    /// <summary>Seed of the random generator that decides every impairment.</summary>
    public int Seed { get; init; }

    /// <summary>Fraction of datagrams dropped, 0 to 1.</summary>
    public double LossFraction { get; init; }

    /// <summary>Fraction of forwarded datagrams sent twice in a row, 0 to 1.</summary>
    public double DuplicateFraction { get; init; }

    /// <summary>Fraction of forwarded datagrams held back and sent after <see cref="ReorderDistance"/> later ones, 0 to 1.</summary>
    public double ReorderFraction { get; init; }

    /// <summary>How many later datagrams overtake a held-back one, 1 to <see cref="SlotCount"/>.</summary>
    public int ReorderDistance { get; init; } = 3;

    /// <summary>Fraction of forwarded datagrams with exactly one bit flipped, 0 to 1.</summary>
    /// <remarks>
    /// The bit lies after the first <see cref="DataPacketHeaderBytes"/> bytes, so the header still decodes and the
    /// receiver sees a CRC-32C failure rather than a malformed packet; a datagram of at most 48 bytes has the bit
    /// flipped anywhere in it.
    /// </remarks>
    public double CorruptionFraction { get; init; }

    /// <summary>
    /// How long the proxy waits without a new datagram before it sends the held-back ones anyway, so that the last
    /// datagrams of a run are not kept forever.
    /// </summary>
    public TimeSpan HoldTimeout { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Buffers for held-back and stalled datagrams; memory is <c>(SlotCount + 1) × MaxDatagramBytes</c>.</summary>
    public int SlotCount { get; init; } = 64;

    /// <summary>Largest datagram forwarded, bytes (65507 is the UDP/IPv4 maximum).</summary>
    public int MaxDatagramBytes { get; init; } = 65507;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first value out of range.</summary>
    public void Validate()
    {
        CheckFraction(LossFraction, nameof(LossFraction));
        CheckFraction(DuplicateFraction, nameof(DuplicateFraction));
        CheckFraction(ReorderFraction, nameof(ReorderFraction));
        CheckFraction(CorruptionFraction, nameof(CorruptionFraction));
        if (SlotCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SlotCount), SlotCount, "SlotCount must be at least 1.");
        }

        if (ReorderDistance < 1 || ReorderDistance > SlotCount)
        {
            throw new ArgumentOutOfRangeException(nameof(ReorderDistance), ReorderDistance, $"ReorderDistance must be 1 to SlotCount ({SlotCount}).");
        }

        if (MaxDatagramBytes < 1 || MaxDatagramBytes > 65507)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDatagramBytes), MaxDatagramBytes, "MaxDatagramBytes must be 1 to 65507.");
        }

        if (HoldTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(HoldTimeout), HoldTimeout, "HoldTimeout must be positive.");
        }
    }

    private static void CheckFraction(double value, string name)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be 0 to 1.");
        }
    }
}

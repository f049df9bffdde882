using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Receiver.Topology;

/// <summary><paramref name="Count"/> chips of one <paramref name="Kind"/> on a module.</summary>
/// <param name="Kind"><see cref="ChipKind.Ads131m08"/> or <see cref="ChipKind.Ddc264"/>.</param>
/// <param name="Count">Chips, ≥ 1.</param>
public sealed record ChipGroup(ChipKind Kind, int Count)
{
    /// <summary>Channels of one chip of <paramref name="kind"/>: 8 for the ADS131M08, 64 for the DDC264.</summary>
    public static int ChannelsPerChip(ChipKind kind) => kind switch
    {
        ChipKind.Ads131m08 => 8,
        ChipKind.Ddc264 => FifoFrameFormat.ChannelsPerChip,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "only ADC chips have channels"),
    };

    /// <summary>Channels of the group.</summary>
    public int ChannelCount => Count * ChannelsPerChip(Kind);
}

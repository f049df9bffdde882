using DetectorDaq.Calibration.Constants;

namespace DetectorDaq.Production.Records;

/// <summary>One bad channel of a run's constants.</summary>
/// <param name="Channel">Module channel index (row-major).</param>
/// <param name="Flags">Names of its <see cref="BadChannelFlags"/>.</param>
public sealed record BadChannelRecord(int Channel, IReadOnlyList<string> Flags)
{
    /// <summary>The bad channels of <paramref name="constants"/> (any flag but Interpolated alone), or none.</summary>
    public static IReadOnlyList<BadChannelRecord> Of(CalibrationConstants? constants) =>
        constants is null
            ? []
            : Enumerable.Range(0, constants.ChannelCount)
                .Select(channel => (Channel: channel, Flags: (BadChannelFlags)constants.BadChannels[channel] & ~BadChannelFlags.Interpolated))
                .Where(entry => entry.Flags != BadChannelFlags.None)
                .Select(entry => new BadChannelRecord(entry.Channel, Enum.GetValues<BadChannelFlags>().Where(flag => flag != BadChannelFlags.None && entry.Flags.HasFlag(flag)).Select(flag => flag.ToString()).ToArray()))
                .ToArray();
}

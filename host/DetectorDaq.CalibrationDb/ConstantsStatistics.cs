using DetectorDaq.Calibration.Constants;

namespace DetectorDaq.CalibrationDb;

/// <summary>Summary numbers of one set of constants, for people looking at a version.</summary>
/// <param name="MedianOffset">Median dark offset over channels and sides, codes (NaN values skipped).</param>
/// <param name="MedianNoise">Median dark noise, codes.</param>
/// <param name="MedianGain">Median relative gain.</param>
/// <param name="BadChannels">Channels with any flag set.</param>
/// <param name="ChannelsByFlag">For every flag, how many channels carry it (a channel may count under several).</param>
public sealed record ConstantsStatistics(
    double MedianOffset,
    double MedianNoise,
    double MedianGain,
    int BadChannels,
    IReadOnlyDictionary<BadChannelFlags, int> ChannelsByFlag)
{
    /// <summary>Computes the statistics of <paramref name="constants"/>.</summary>
    public static ConstantsStatistics Of(CalibrationConstants constants)
    {
        ArgumentNullException.ThrowIfNull(constants);
        var byFlag = Enum.GetValues<BadChannelFlags>()
            .Where(flag => flag != BadChannelFlags.None)
            .ToDictionary(flag => flag, flag => constants.BadChannels.Count(mask => (mask & (uint)flag) != 0));
        return new ConstantsStatistics(
            Median(constants.Offset),
            Median(constants.Noise),
            Median(constants.Gain),
            constants.BadChannels.Count(mask => mask != 0),
            byFlag);
    }

    private static double Median(float[] values)
    {
        var finite = values.Where(float.IsFinite).Order().ToArray();
        if (finite.Length == 0)
        {
            return double.NaN;
        }

        var middle = finite.Length / 2;
        return finite.Length % 2 == 1 ? finite[middle] : (finite[middle - 1] + (double)finite[middle]) / 2;
    }
}

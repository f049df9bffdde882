using DetectorDaq.Calibration.Chain;

namespace DetectorDaq.Production.Actions;

/// <summary>
/// Linearity residuals per channel: a straight line is fitted (least squares, with intercept) to the
/// offset-subtracted mean flat response against relative exposure; the residual is the largest
/// distance of a level from the line over the top level's response (a fraction; 0 with fewer than 3 levels).
/// </summary>
public static class Linearity
{
    /// <summary>Residual per channel of <paramref name="offset"/>-subtracted <paramref name="levels"/>.</summary>
    public static double[] Residuals(IReadOnlyList<FlatLevel> levels, IReadOnlyList<float> offset, int channels)
    {
        var residuals = new double[channels];
        if (levels.Count < 3)
        {
            return residuals;
        }

        var x = levels.Select(level => level.RelativeExposure).ToArray();
        var means = levels.Select(level => MeanPerChannel(level.Frames, channels)).ToArray();
        var meanX = x.Average();
        var sxx = x.Sum(value => (value - meanX) * (value - meanX));
        for (var channel = 0; channel < channels; channel++)
        {
            var y = means.Select(mean => mean[channel] - offset[channel]).ToArray();
            var meanY = y.Average();
            var slope = x.Select((value, i) => (value - meanX) * (y[i] - meanY)).Sum() / sxx;
            var intercept = meanY - (slope * meanX);
            var top = y.Select(Math.Abs).Max();
            var worst = x.Select((value, i) => Math.Abs(y[i] - (intercept + (slope * value)))).Max();
            residuals[channel] = top > 0 ? worst / top : double.NaN;
        }

        return residuals;
    }

    private static double[] MeanPerChannel(IReadOnlyList<SidedFrame> frames, int channels)
    {
        var sums = new double[channels];
        foreach (var frame in frames)
        {
            for (var channel = 0; channel < channels; channel++)
            {
                sums[channel] += frame.Codes[channel];
            }
        }

        return sums.Select(sum => sum / Math.Max(1, frames.Count)).ToArray();
    }
}

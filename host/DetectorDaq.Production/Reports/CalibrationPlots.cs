using DetectorDaq.Calibration.Constants;
using ScottPlot;

namespace DetectorDaq.Production.Reports;

/// <summary>
/// The report's plots as PNG images, drawn with ScottPlot (SkiaSharp, headless): offset map, noise
/// histogram, gain map, bad-channel map and linearity residuals. Maps are rows × columns heatmaps of
/// the module (side A).
/// </summary>
public static class CalibrationPlots
{
    /// <summary>Width of every plot, pixels.</summary>
    public const int Width = 720;

    /// <summary>Height of every plot, pixels.</summary>
    public const int Height = 300;

    /// <summary>Identifiers and titles of the plots, in report order.</summary>
    public static readonly IReadOnlyList<(string Id, string Title)> All =
    [
        ("offset-map", "Offset map (codes)"),
        ("noise-histogram", "Noise histogram (codes)"),
        ("gain-map", "Gain map (relative)"),
        ("bad-channel-map", "Bad-channel map (flag bits)"),
        ("linearity-residuals", "Linearity residuals (% of top level)"),
    ];

    /// <summary>Every plot of <paramref name="constants"/> and <paramref name="linearityResiduals"/> (fractions per channel), by identifier.</summary>
    public static IReadOnlyDictionary<string, byte[]> Render(CalibrationConstants constants, IReadOnlyList<double> linearityResiduals) => new Dictionary<string, byte[]>
    {
        ["offset-map"] = Map(constants, constants.Offset.Take(constants.ChannelCount).Select(value => (double)value), "Offset map (codes)"),
        ["noise-histogram"] = Histogram(constants.Noise.Take(constants.ChannelCount).Select(value => (double)value).ToArray()),
        ["gain-map"] = Map(constants, constants.Gain.Take(constants.ChannelCount).Select(value => (double)value), "Gain map (relative)"),
        ["bad-channel-map"] = Map(constants, constants.BadChannels.Select(value => (double)value), "Bad-channel map (flag bits)"),
        ["linearity-residuals"] = Residuals(linearityResiduals),
    };

    private static byte[] Map(CalibrationConstants constants, IEnumerable<double> values, string title)
    {
        var array = values.ToArray();
        var grid = new double[constants.Rows, constants.Columns];
        for (var channel = 0; channel < array.Length; channel++)
        {
            grid[channel / constants.Columns, channel % constants.Columns] = array[channel];
        }

        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(grid);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        plot.Add.ColorBar(heatmap);
        plot.Title(title);
        plot.XLabel("column");
        plot.YLabel("row");
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static byte[] Histogram(double[] noise)
    {
        var finite = noise.Where(double.IsFinite).ToArray();
        var plot = new Plot();
        if (finite.Length > 0)
        {
            var low = finite.Min();
            // Equal noise everywhere (ideal chips) still gets a readable one-code-wide axis.
            var high = finite.Max() > low ? finite.Max() : low + 1;
            var bins = 20;
            var width = (high - low) / bins;
            var counts = new double[bins];
            foreach (var value in finite)
            {
                counts[Math.Min(bins - 1, (int)((value - low) / width))]++;
            }

            var bars = plot.Add.Bars(Enumerable.Range(0, bins).Select(bin => low + ((bin + 0.5) * width)).ToArray(), counts);
            foreach (var bar in bars.Bars)
            {
                bar.Size = width * 0.9;
            }
        }

        plot.Title("Noise histogram (codes)");
        plot.XLabel("noise, codes rms");
        plot.YLabel("channels");
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static byte[] Residuals(IReadOnlyList<double> residuals)
    {
        var plot = new Plot();
        var channels = Enumerable.Range(0, residuals.Count).Select(channel => (double)channel).ToArray();
        plot.Add.ScatterPoints(channels, residuals.Select(value => double.IsFinite(value) ? value * 100 : 0).ToArray());
        plot.Title("Linearity residuals (% of top level)");
        plot.XLabel("channel");
        plot.YLabel("largest residual, %");
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}

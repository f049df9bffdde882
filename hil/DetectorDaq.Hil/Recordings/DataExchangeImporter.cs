using DetectorDaq.Frames;
using PureHDF;

namespace DetectorDaq.Hil.Recordings;

/// <summary>
/// Imports an APS Data Exchange CT file (<c>/exchange/data</c>, <c>data_dark</c>, <c>data_white</c>
/// [frames, rows, columns] in counts, <c>/exchange/theta</c> in degrees) as a current recording for
/// a current-input detector. Samples are ordered dark block, flat block, projections with image keys
/// 2, 1, 0. Counts become currents linearly: current = counts × amperes-per-count, where by default
/// amperes-per-count = fraction × full-scale charge / integration period / largest count of the file,
/// so the brightest pixel integrates to 80 % of the DDC264 150 pC range. Darks and flats get the
/// first projection's angle (the stage waits at the start angle).
/// </summary>
public static class DataExchangeImporter
{
    /// <summary>Imports <paramref name="path"/>.</summary>
    /// <exception cref="RecordingException">The file is missing, corrupt, or lacks the Data Exchange datasets.</exception>
    public static Recording Import(string path, DataExchangeImportOptions? options = null)
    {
        options ??= new DataExchangeImportOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.IntegrationPeriodNanoseconds, 1);
        return Hdf5Files.Read(path, file =>
        {
            if (!file.LinkExists("exchange"))
            {
                throw new RecordingException(path, "no /exchange group: not a Data Exchange file");
            }

            var exchange = file.Group("exchange");
            var projections = ReadBlock(path, exchange, "data");
            var rows = projections.Rows;
            var columns = projections.Columns;
            var darks = exchange.LinkExists("data_dark") ? ReadBlock(path, exchange, "data_dark", rows, columns) : ImageStack.Empty;
            var flats = exchange.LinkExists("data_white") ? ReadBlock(path, exchange, "data_white", rows, columns) : ImageStack.Empty;
            var theta = exchange.LinkExists("theta")
                ? Hdf5Files.ReadDoubles(path, Hdf5Files.Dataset(path, exchange, "theta", rank: 1, length: projections.Frames))
                : null;

            var counts = new double[darks.Values.Length + flats.Values.Length + projections.Values.Length];
            darks.Values.CopyTo(counts, 0);
            flats.Values.CopyTo(counts, darks.Values.Length);
            projections.Values.CopyTo(counts, darks.Values.Length + flats.Values.Length);
            var scale = options.AmperesPerCount ?? DefaultAmperesPerCount(path, counts, options);
            var currents = Array.ConvertAll(counts, count => count * scale);

            var keys = new ImageKey[darks.Frames + flats.Frames + projections.Frames];
            keys.AsSpan(0, darks.Frames).Fill(ImageKey.Dark);
            keys.AsSpan(darks.Frames, flats.Frames).Fill(ImageKey.Flat);
            keys.AsSpan(darks.Frames + flats.Frames).Fill(ImageKey.Projection);
            double[]? angles = null;
            if (theta is not null)
            {
                angles = new double[keys.Length];
                angles.AsSpan(0, darks.Frames + flats.Frames).Fill(theta.Length > 0 ? theta[0] : 0);
                theta.CopyTo(angles, darks.Frames + flats.Frames);
            }

            return new Recording(RecordingKind.Current, options.IntegrationPeriodNanoseconds, rows, columns, currents, keys, angles, $"Data Exchange {Path.GetFileName(path)}", scale);
        });
    }

    private static double DefaultAmperesPerCount(string path, double[] counts, DataExchangeImportOptions options)
    {
        var largest = counts.Max();
        if (!(largest > 0) || !double.IsFinite(largest))
        {
            throw new RecordingException(path, $"largest count is {largest}: cannot derive a current scale (give AmperesPerCount)");
        }

        var fullScaleAmperes = options.FullScaleCoulombs / (options.IntegrationPeriodNanoseconds * 1e-9);
        return options.FullScaleFraction * fullScaleAmperes / largest;
    }

    private static ImageStack ReadBlock(string path, IH5Group exchange, string name, int rows = -1, int columns = -1)
    {
        var dataset = Hdf5Files.Dataset(path, exchange, name, rank: 3);
        var dims = dataset.Space.Dimensions;
        if (rows >= 0 && ((int)dims[1] != rows || (int)dims[2] != columns))
        {
            throw new RecordingException(path, $"/exchange/{name} is [{string.Join(", ", dims)}], projections are {rows} x {columns}");
        }

        if (dims[0] == 0 || dims[1] == 0 || dims[2] == 0)
        {
            throw new RecordingException(path, $"/exchange/{name} is empty ([{string.Join(", ", dims)}])");
        }

        return new ImageStack((int)dims[0], (int)dims[1], (int)dims[2], Hdf5Files.ReadDoubles(path, dataset));
    }
}

/// <summary>One Data Exchange image stack as float64 counts.</summary>
internal sealed record ImageStack(int Frames, int Rows, int Columns, double[] Values)
{
    public static ImageStack Empty { get; } = new(0, 0, 0, []);
}

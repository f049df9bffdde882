using DetectorDaq.Files;
using DetectorDaq.Frames;

namespace DetectorDaq.Hil.Recordings;

/// <summary>
/// Imports a CT scan — a Data Exchange file (<c>/exchange/data</c>, <c>data_dark</c>, <c>data_white</c>,
/// <c>theta</c>) or a NeXus file whose NXdetector holds <c>data</c> and <c>image_key</c> — as a current
/// recording for a current-input detector, reading it with the host's <see cref="TomographyFile"/>.
/// Samples are ordered dark block, flat block, projections with image keys 2, 1, 0. Counts become
/// currents linearly: current = counts × amperes-per-count, where by default amperes-per-count =
/// fraction × full-scale charge / integration period / largest count of the file, so the brightest
/// pixel integrates to 80 % of the DDC264 150 pC range. Darks and flats get the first projection's
/// angle (the stage waits at the start angle).
/// </summary>
public static class TomographyImporter
{
    /// <summary>Imports <paramref name="path"/>.</summary>
    /// <exception cref="RecordingException">The file is missing, corrupt, or holds no recognised CT layout.</exception>
    public static Recording Import(string path, TomographyImportOptions? options = null)
    {
        options ??= new TomographyImportOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.IntegrationPeriodNanoseconds, 1);
        try
        {
            using var file = TomographyFile.Open(path);
            var blocks = new[] { file.Darks, file.Flats, file.Projections };
            var pixels = file.Rows * file.Columns;
            var counts = new double[blocks.Sum(block => block.Count) * pixels];
            var keys = new ImageKey[blocks.Sum(block => block.Count)];
            var position = 0;
            foreach (var block in blocks)
            {
                var values = block.ReadAll();
                for (var i = 0; i < values.Length; i++)
                {
                    counts[(position * pixels) + i] = values[i];
                }

                keys.AsSpan(position, block.Count).Fill(block.ImageKey);
                position += block.Count;
            }

            var scale = options.AmperesPerCount ?? DefaultAmperesPerCount(path, counts, options);
            var currents = Array.ConvertAll(counts, count => count * scale);
            return new Recording(RecordingKind.Current, options.IntegrationPeriodNanoseconds, file.Rows, file.Columns, currents, keys, Angles(file), $"{file.Layout} {Path.GetFileName(path)}", scale);
        }
        catch (TomographyFileException exception)
        {
            throw new RecordingException(path, exception.Message.StartsWith(path + ": ", StringComparison.Ordinal) ? exception.Message[(path.Length + 2)..] : exception.Message, exception);
        }
    }

    private static double[]? Angles(TomographyFile file)
    {
        if (file.Theta is not { } theta)
        {
            return null;
        }

        var references = file.Darks.Count + file.Flats.Count;
        var angles = new double[references + theta.Count];
        angles.AsSpan(0, references).Fill(theta.Count > 0 ? theta[0] : 0);
        for (var i = 0; i < theta.Count; i++)
        {
            angles[references + i] = theta[i];
        }

        return angles;
    }

    private static double DefaultAmperesPerCount(string path, double[] counts, TomographyImportOptions options)
    {
        var largest = counts.Max();
        if (!(largest > 0) || !double.IsFinite(largest))
        {
            throw new RecordingException(path, $"largest count is {largest}: cannot derive a current scale (give AmperesPerCount)");
        }

        var fullScaleAmperes = options.FullScaleCoulombs / (options.IntegrationPeriodNanoseconds * 1e-9);
        return options.FullScaleFraction * fullScaleAmperes / largest;
    }
}

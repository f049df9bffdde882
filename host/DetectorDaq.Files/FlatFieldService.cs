using DetectorDaq.Calibration;
using PureHDF;
using PureHDF.Selections;

namespace DetectorDaq.Files;

/// <summary>
/// Offline flat-field correction of a tomography file (Data Exchange or NeXus) into a NeXus file with
/// <c>/entry/calibrated/data</c> float32 [projections, rows, columns], its <c>image_key</c> (all 0),
/// <c>calibration_version</c> = <see cref="CalibrationVersion"/> and the projections' rotation angles
/// where the input has them. Memory: one batch of <see cref="FrameSeries.BatchFrames"/> frames plus the
/// dark and flat means. The output is written to a temporary file beside it and renamed at the end,
/// so a failure never leaves a half-written output or damages an existing one.
/// </summary>
public static class FlatFieldService
{
    /// <summary>Version recorded with the output.</summary>
    public const string CalibrationVersion = "flatfield-v1";

    /// <summary>Corrects <paramref name="inputPath"/> into <paramref name="outputPath"/>; with <paramref name="minusLog"/> writes −ln(N).</summary>
    /// <param name="inputPath">Data Exchange or NeXus tomography file with darks and flats.</param>
    /// <param name="outputPath">NeXus file to create (replaced if it exists).</param>
    /// <param name="minusLog">Write −ln(N) instead of N (N ≤ 0 gives +∞ / NaN, as TomoPy).</param>
    /// <param name="progress">Fraction done, 0 to 1.</param>
    /// <returns>Warnings from reading the input (for example dangling external links).</returns>
    /// <exception cref="TomographyFileException">The input is unusable (see <see cref="TomographyFile.Open"/>), has no projections, darks or flats, or the output cannot be written; the message is one line naming the file.</exception>
    public static IReadOnlyList<string> Run(string inputPath, string outputPath, bool minusLog, IProgress<double>? progress = null)
    {
        if (string.Equals(Path.GetFullPath(inputPath), Path.GetFullPath(outputPath), StringComparison.Ordinal))
        {
            throw new TomographyFileException(outputPath, "output would overwrite the input");
        }

        using var input = TomographyFile.Open(inputPath);
        if (input.Projections.Count == 0 || input.Darks.Count == 0 || input.Flats.Count == 0)
        {
            throw new TomographyFileException(inputPath, $"flat-field correction needs projections, darks and flats; found {input.Projections.Count} projections, {input.Darks.Count} darks, {input.Flats.Count} flats");
        }

        var batch = new float[(long)input.Projections.BatchFrames * input.Projections.PixelCount];
        var correction = FlatFieldCorrection.FromAccumulators(Accumulate(input.Darks, batch), Accumulate(input.Flats, batch));

        var temporaryPath = outputPath + ".partial";
        try
        {
            WriteCorrected(input, correction, temporaryPath, minusLog, batch, progress);
            File.Move(temporaryPath, outputPath, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporaryPath);
            throw new TomographyFileException(outputPath, $"cannot write output ({exception.Message})", exception);
        }
        catch
        {
            File.Delete(temporaryPath);
            throw;
        }

        progress?.Report(1.0);
        return input.Warnings;
    }

    private static ReferenceAccumulator Accumulate(FrameSeries series, float[] batch)
    {
        var accumulator = new ReferenceAccumulator(series.PixelCount);
        for (var first = 0; first < series.Count; first += series.BatchFrames)
        {
            var count = Math.Min(series.BatchFrames, series.Count - first);
            series.Read(first, count, batch);
            for (var frame = 0; frame < count; frame++)
            {
                accumulator.Add(batch.AsSpan(frame * series.PixelCount, series.PixelCount));
            }
        }

        return accumulator;
    }

    private static void WriteCorrected(TomographyFile input, FlatFieldCorrection correction, string path, bool minusLog, float[] batch, IProgress<double>? progress)
    {
        var projections = input.Projections;
        var pixels = projections.PixelCount;
        var frames = (ulong)projections.Count;
        var data = new H5Dataset<float[]>(fileDims: [frames, (ulong)projections.Rows, (ulong)projections.Columns], chunks: [1, (uint)projections.Rows, (uint)projections.Columns]);
        var calibrated = new H5Group
        {
            Attributes = new() { [NexusPaths.NexusClass] = "NXdata", ["signal"] = "data", ["minus_log"] = minusLog ? 1 : 0 },
            ["data"] = data,
            ["image_key"] = new int[projections.Count],
            [NexusPaths.CalibrationVersionName] = CalibrationVersion,
            ["source_file"] = Path.GetFullPath(input.Path),
        };
        if (input.Theta is { } theta)
        {
            calibrated["rotation_angle"] = theta.ToArray();
        }

        var file = new H5File
        {
            ["entry"] = new H5Group
            {
                Attributes = new() { [NexusPaths.NexusClass] = "NXentry" },
                ["definition"] = "NXtomo",
                ["start_time"] = DateTimeOffset.Now.ToString("o"),
                ["calibrated"] = calibrated,
            },
        };

        var frame = new float[pixels];
        using var writer = file.BeginWrite(path);
        for (var first = 0; first < projections.Count; first += projections.BatchFrames)
        {
            var count = Math.Min(projections.BatchFrames, projections.Count - first);
            projections.Read(first, count, batch);
            for (var i = 0; i < count; i++)
            {
                correction.Apply(batch.AsSpan(i * pixels, pixels), frame, minusLog);
                var selection = new HyperslabSelection(rank: 3, starts: [(ulong)(first + i), 0, 0], blocks: [1, (ulong)projections.Rows, (ulong)projections.Columns]);
                writer.Write(data, frame, fileSelection: selection);
            }

            progress?.Report((double)(first + count) / projections.Count);
        }
    }
}

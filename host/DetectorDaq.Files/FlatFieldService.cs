using DetectorDaq.Calibration;

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
        using var input = TomographyFile.Open(inputPath);
        if (input.Projections.Count == 0 || input.Darks.Count == 0 || input.Flats.Count == 0)
        {
            throw new TomographyFileException(inputPath, $"flat-field correction needs projections, darks and flats; found {input.Projections.Count} projections, {input.Darks.Count} darks, {input.Flats.Count} flats");
        }

        var batch = new float[(long)input.Projections.BatchFrames * input.Projections.PixelCount];
        var correction = FlatFieldCorrection.FromAccumulators(Accumulate(input.Darks, batch), Accumulate(input.Flats, batch));
        CalibratedProjectionsFile.Write(input, outputPath, CalibrationVersion, minusLog, (raw, corrected, _) => correction.Apply(raw, corrected, minusLog), progress);
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
}

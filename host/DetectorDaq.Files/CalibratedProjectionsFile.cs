using PureHDF;
using PureHDF.Selections;

namespace DetectorDaq.Files;

/// <summary>Corrects one projection: <paramref name="raw"/> as read, into <paramref name="corrected"/>; <paramref name="projection"/> is its index in <see cref="TomographyFile.Projections"/>.</summary>
public delegate void ProjectionCorrection(ReadOnlySpan<float> raw, Span<float> corrected, int projection);

/// <summary>
/// Writes the corrected projections of a tomography file as a NeXus file with <c>/entry/calibrated</c>
/// (NXdata): <c>data</c> float32 [projections, rows, columns], <c>image_key</c> (all 0), the calibration
/// version, the source file and the rotation angles where the input has them. Projections are read in
/// batches of <see cref="FrameSeries.BatchFrames"/> and the image dataset is contiguous, written in
/// place, so memory stays bounded. The file is written beside the output and renamed at the end, so a
/// failure never leaves a half-written output or damages an existing one.
/// </summary>
public static class CalibratedProjectionsFile
{
    /// <summary>Writes every projection of <paramref name="input"/>, corrected by <paramref name="correct"/>, to <paramref name="outputPath"/>.</summary>
    /// <exception cref="TomographyFileException">The output would overwrite the input or cannot be written; one line naming the file.</exception>
    public static void Write(TomographyFile input, string outputPath, string calibrationVersion, bool minusLog, ProjectionCorrection correct, IProgress<double>? progress)
    {
        if (string.Equals(Path.GetFullPath(input.Path), Path.GetFullPath(outputPath), StringComparison.Ordinal))
        {
            throw new TomographyFileException(outputPath, "output would overwrite the input");
        }

        var temporaryPath = outputPath + ".partial";
        try
        {
            WriteFile(input, temporaryPath, calibrationVersion, minusLog, correct, progress);
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
    }

    private static void WriteFile(TomographyFile input, string path, string calibrationVersion, bool minusLog, ProjectionCorrection correct, IProgress<double>? progress)
    {
        var projections = input.Projections;
        var pixels = projections.PixelCount;
        var data = new H5Dataset<float[]>(fileDims: [(ulong)projections.Count, (ulong)projections.Rows, (ulong)projections.Columns]);
        var calibrated = new H5Group
        {
            Attributes = new() { [NexusPaths.NexusClass] = "NXdata", ["signal"] = "data", ["minus_log"] = minusLog ? 1 : 0 },
            ["data"] = data,
            ["image_key"] = new int[projections.Count],
            [NexusPaths.CalibrationVersionName] = calibrationVersion,
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

        var batch = new float[(long)projections.BatchFrames * pixels];
        var frame = new float[pixels];
        using var writer = file.BeginWrite(path);
        for (var first = 0; first < projections.Count; first += projections.BatchFrames)
        {
            var count = Math.Min(projections.BatchFrames, projections.Count - first);
            projections.Read(first, count, batch);
            for (var i = 0; i < count; i++)
            {
                correct(batch.AsSpan(i * pixels, pixels), frame, first + i);
                var selection = new HyperslabSelection(rank: 3, starts: [(ulong)(first + i), 0, 0], blocks: [1, (ulong)projections.Rows, (ulong)projections.Columns]);
                writer.Write(data, frame, fileSelection: selection);
            }

            progress?.Report((double)(first + count) / projections.Count);
        }
    }
}

using DetectorDaq.Calibration.Chain;
using DetectorDaq.Calibration.Constants;

namespace DetectorDaq.Files.Constants;

/// <summary>
/// Offline calibration of a tomography file (Data Exchange or NeXus) with one module's constants:
/// every projection goes through a <see cref="CalibrationChain"/> (offset, nonlinearity, gain, bad-channel
/// interpolation, lag, and flat-field normalisation from the file's own flats run through the same chain)
/// into <c>/entry/calibrated/data</c> float32 [projections, rows, columns], with
/// <c>calibration_version</c> = "&lt;serial&gt;:&lt;valid_from&gt;". Values are rounded to integer codes first.
/// Each frame is corrected with the constants of its integrator side (<see cref="FrameSeries.SideOf"/>:
/// the side the file records, or the frame-index parity for files that record none). Written to a
/// temporary file beside the output and renamed at the end.
/// </summary>
public static class CalibrationApplyService
{
    /// <summary>Calibrates <paramref name="inputPath"/> with <paramref name="constants"/> into <paramref name="outputPath"/>.</summary>
    /// <returns>Warnings from reading the input.</returns>
    /// <exception cref="TomographyFileException">The input is unusable, lacks projections or flats, does not match the constants' module shape, or the output cannot be written.</exception>
    public static IReadOnlyList<string> Run(string inputPath, string outputPath, CalibrationConstants constants, bool minusLog, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(constants);
        using var input = TomographyFile.Open(inputPath);
        if (input.Rows != constants.Rows || input.Columns != constants.Columns)
        {
            throw new TomographyFileException(inputPath, $"frames are {input.Rows} x {input.Columns}, constants of {constants.ModuleSerial} are for {constants.Rows} x {constants.Columns}");
        }

        if (input.Projections.Count == 0 || input.Flats.Count == 0)
        {
            throw new TomographyFileException(inputPath, $"calibration needs projections and flats; found {input.Projections.Count} projections, {input.Flats.Count} flats");
        }

        var flat = CalibrationChain.FlatFieldFrom(constants, input.Flats.ReadCodes(0, input.Flats.Count, constants.Sides));
        var projections = input.Projections;
        var chain = new CalibrationChain(constants, new CalibrationChainOptions { FlatField = flat, MinusLog = minusLog });
        var codes = new int[projections.PixelCount];
        CalibratedProjectionsFile.Write(input, outputPath, constants.VersionLabel, minusLog, (raw, corrected, projection) =>
        {
            ToCodes(raw, codes);
            chain.Apply(codes, projections.SideOf(projection, constants.Sides), corrected);
        }, progress);
        return input.Warnings;
    }

    private static void ToCodes(ReadOnlySpan<float> values, Span<int> codes)
    {
        for (var i = 0; i < values.Length; i++)
        {
            codes[i] = (int)MathF.Round(values[i]);
        }
    }
}

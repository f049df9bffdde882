using DetectorDaq.Acquisition;
using DetectorDaq.Calibration.Chain;
using DetectorDaq.Calibration.Constants;
using DetectorDaq.Cli;
using DetectorDaq.Files;
using DetectorDaq.Files.Constants;
using DetectorDaq.Frames;
using DetectorDaq.Hil.Recordings;
using DetectorDaq.Hil.Runner;
using PureHDF;

namespace DetectorDaq.Calibration.Tests;

/// <summary>
/// <c>calibrate apply</c> on a file the real acquisition wrote from a <see cref="ReplayService"/> run
/// (simulated controller, firmware core, UDP, NeXus writer): constants from the file's own darks and
/// flats, then the chain must agree with <c>calibrate flatfield</c> and with the recorded transmission.
/// </summary>
public sealed class ReplayedFileTests
{
    private const int Columns = 128;
    private const long PeriodNanoseconds = 1_000_000;

    [Test]
    public void CalibrateApply_OnReplayedFile_AgreesWithFlatFieldAndTheRecordedTransmission()
    {
        var folder = Directory.CreateTempSubdirectory("detdaq-calibration-replay-").FullName;
        try
        {
            var replayed = Path.Combine(folder, "replay.nxs");
            var summary = ReplayService.Run(new ReplayRequest(Recording(out var transmission), 1, new AcquisitionOptions { OutputPath = replayed, FlatField = false }));
            Assert.That(summary.FaultReason, Is.Null);

            var constantsPath = Path.Combine(folder, "constants.h5");
            ConstantsFile.Write(constantsPath, ConstantsOf(replayed));
            var applied = Path.Combine(folder, "applied.nxs");
            var flatField = Path.Combine(folder, "flatfield.nxs");
            Assert.That(DetectorDaqCommandLine.Run(["calibrate", "apply", "--input", replayed, "--output", applied, "--constants", constantsPath], TextWriter.Null, TextWriter.Null), Is.Zero);
            Assert.That(DetectorDaqCommandLine.Run(["calibrate", "flatfield", "--input", replayed, "--output", flatField], TextWriter.Null, TextWriter.Null), Is.Zero);

            var chain = ReadCalibrated(applied);
            var reference = ReadCalibrated(flatField);
            var worstAgainstFlatField = 0.0;
            var worstAgainstTruth = 0.0;
            for (var i = 0; i < chain.Length; i++)
            {
                var ideal = transmission[i % Columns];
                worstAgainstFlatField = Math.Max(worstAgainstFlatField, Math.Abs(chain[i] - reference[i]) / reference[i]);
                worstAgainstTruth = Math.Max(worstAgainstTruth, Math.Abs(chain[i] - ideal) / ideal);
            }

            TestContext.Out.WriteLine($"against flatfield: {worstAgainstFlatField:E2}, against the recording: {worstAgainstTruth:E2}");
            Assert.That(worstAgainstFlatField, Is.LessThan(1e-5));
            Assert.That(worstAgainstTruth, Is.LessThan(1e-4));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Recording Recording(out double[] transmission)
    {
        // 10 darks, 10 flats, 10 projections of a fixed object: half of full scale (150 pC) in air.
        const int Darks = 10, Flats = 10, Projections = 10;
        var air = 0.5 * 150e-12 / (PeriodNanoseconds * 1e-9);
        transmission = Enumerable.Range(0, Columns).Select(c => 0.3 + (0.6 * c / Columns)).ToArray();
        var keys = Enumerable.Repeat(ImageKey.Dark, Darks).Concat(Enumerable.Repeat(ImageKey.Flat, Flats)).Concat(Enumerable.Repeat(ImageKey.Projection, Projections)).ToArray();
        var signal = new double[keys.Length * Columns];
        for (var frame = 0; frame < keys.Length; frame++)
        {
            for (var column = 0; column < Columns; column++)
            {
                signal[(frame * Columns) + column] = keys[frame] switch
                {
                    ImageKey.Dark => 0,
                    ImageKey.Flat => air,
                    _ => air * transmission[column],
                };
            }
        }

        return new Recording(RecordingKind.Current, PeriodNanoseconds, 1, Columns, signal, keys, source: "calibration-test");
    }

    private static CalibrationConstants ConstantsOf(string path)
    {
        using var file = TomographyFile.Open(path);
        return ConstantsBuilder.Build(new ConstantsBuildRequest
        {
            ModuleSerial = "REPLAY-0",
            Conditions = new CalibrationConditions(25, PeriodNanoseconds, "150pC"),
            ValidFrom = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero),
            Rows = file.Rows,
            Columns = file.Columns,
            Sides = 2,
            Darks = Frames(file.Darks),
            Flats = [new FlatLevel(1, Frames(file.Flats))],
            Criteria = new BadChannelCriteria { SaturationCode = (1 << 20) - 1 },
        });
    }

    private static List<SidedFrame> Frames(FrameSeries series)
    {
        var values = series.ReadAll();
        return Enumerable.Range(0, series.Count)
            .Select(f => new SidedFrame(values.AsSpan(f * series.PixelCount, series.PixelCount).ToArray().Select(v => (int)MathF.Round(v)).ToArray(), series.SideOf(f, 2)))
            .ToList();
    }

    private static float[] ReadCalibrated(string path)
    {
        using var file = H5File.OpenRead(path);
        return file.Dataset("entry/calibrated/data").Read<float[]>();
    }
}

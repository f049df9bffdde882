using System.Globalization;
using DetectorDaq.Calibration.Chain;
using DetectorDaq.Calibration.Constants;
using DetectorDaq.Files;
using DetectorDaq.Frames;
using DetectorDaq.Hil.Recordings;
using DetectorDaq.Hil.Scenarios;
using PureHDF;

namespace DetectorDaq.Hil.Runner;

/// <summary>
/// The calibration expectations of a scenario, checked on the NeXus file the run wrote: per module,
/// <see cref="ConstantsBuilder"/> on the file's darks and flats (the flats grouped by the recording's
/// exposure level, so several levels give nonlinearity constants; each frame with the integrator side the
/// file records), then <see cref="CalibrationChain"/> with the file's top-level flats as flat field on every
/// projection, compared on good channels with the recording's ideal transmission
/// (P − D̄) / (F̄ − D̄) of the input currents. Only complete frames count (<c>frame_complete</c>).
/// </summary>
internal static class CalibrationCheck
{
    private const int Sides = 2;

    /// <summary>Smallest transmission the relative error is taken against.</summary>
    private const double MinimumTransmission = 0.01;

    /// <summary>Checks <paramref name="scenario"/>'s calibration expectations on the file at <paramref name="path"/>.</summary>
    public static IEnumerable<ExpectationResult> Evaluate(Scenario scenario, string path, Recording recording, Dictionary<string, double> measurements)
    {
        var complete = CompleteFrames(path);
        using var file = TomographyFile.Open(path);
        var geometry = DetectorGeometry.ColumnStrips(recording.Rows, recording.Columns, scenario.Topology.Modules);
        var darks = Read(file.Darks, complete);
        var flats = Read(file.Flats, complete);
        var projections = Read(file.Projections, complete);
        if (darks.Count == 0 || flats.Count == 0)
        {
            return [new("calibration", false, $"{path} has {darks.Count} darks and {flats.Count} flats; the calibration needs both")];
        }

        var darkInput = MeanInput(recording, darks);
        var exposures = flats.Select(frame => Exposure(recording, frame.FileIndex, darkInput)).ToArray();
        var highest = exposures.Max();
        var levels = flats.Select((frame, i) => (Frame: frame, Relative: Math.Round(exposures[i] / highest, 6)))
            .GroupBy(flat => flat.Relative, flat => flat.Frame)
            .OrderBy(level => level.Key)
            .ToArray();
        if (!(levels[0].Key > 0))
        {
            return [new("calibration", false, $"the recording's flats in {path} carry no signal above its darks")];
        }

        var topInput = MeanInput(recording, levels[^1].ToArray());
        var found = new Dictionary<int, int[]>();
        var flagNames = new Dictionary<int, string>();
        var worst = 0.0;
        for (var index = 0; index < geometry.Modules.Count; index++)
        {
            var module = geometry.Modules[index];
            var constants = ConstantsBuilder.Build(new ConstantsBuildRequest
            {
                ModuleSerial = $"{scenario.Name}-module-{index}",
                Conditions = new CalibrationConditions(25, recording.SamplePeriodNanoseconds, "150pC"),
                ValidFrom = DateTimeOffset.UtcNow,
                Rows = module.Rows,
                Columns = module.Columns,
                Sides = Sides,
                Darks = darks.Select(frame => ModuleFrame(frame, module, geometry.Columns)).ToArray(),
                Flats = levels.Select(level => new FlatLevel(level.Key, level.Select(frame => ModuleFrame(frame, module, geometry.Columns)).ToArray())).ToArray(),
                Criteria = new BadChannelCriteria { SaturationCode = (1 << 20) - 1 },
            });
            found[index] = Enumerable.Range(0, module.ChannelCount).Where(channel => IsBad(constants, channel)).ToArray();
            var good = Enumerable.Range(0, module.ChannelCount).Where(channel => !IsBad(constants, channel)).ToArray();
            measurements[$"module_{index}_offset_median_codes"] = Median(good.Select(channel => (double)constants.Offset[constants.Index(channel, 0)]));
            measurements[$"module_{index}_side_b_offset_codes"] = Median(good.Select(channel => (double)(constants.Offset[constants.Index(channel, 1)] - constants.Offset[constants.Index(channel, 0)])));
            foreach (var channel in found[index])
            {
                flagNames[(index * module.ChannelCount) + channel] = ((BadChannelFlags)constants.BadChannels[channel] & ~BadChannelFlags.Interpolated).ToString();
            }

            worst = Math.Max(worst, WorstError(constants, module, geometry.Columns, levels[^1], projections, recording, darkInput, topInput));
        }

        measurements["bad_channels_found"] = found.Values.Sum(channels => channels.Length);
        measurements["flat_levels"] = levels.Length;
        measurements["calibrated_max_relative_error"] = worst;
        var results = new List<ExpectationResult>();
        if (scenario.Expectations.BadChannels is { } expected)
        {
            var problems = found
                .Select(entry => (Module: entry.Key, Found: entry.Value, Expected: expected.TryGetValue(entry.Key, out var channels) ? channels : []))
                .Where(entry => !entry.Found.SequenceEqual(entry.Expected))
                .Select(entry => $"module {entry.Module}: found [{Describe(entry.Found, entry.Module, geometry, flagNames)}], expected [{string.Join(", ", entry.Expected)}]")
                .ToArray();
            var summary = string.Join("; ", found.Select(entry => $"module {entry.Key}: [{Describe(entry.Value, entry.Key, geometry, flagNames)}]"));
            results.Add(new("bad_channels", problems.Length == 0, problems.Length == 0 ? $"exactly the expected bad channels: {summary}" : string.Join("; ", problems)));
        }

        if (scenario.Expectations.CalibratedMaxRelativeError is { } limit)
        {
            results.Add(new("calibrated_max_relative_error", worst <= limit,
                string.Create(CultureInfo.InvariantCulture, $"{worst:G3} largest relative error of {projections.Count} calibrated projections on good channels, at most {limit:G3} allowed")));
        }

        return results;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static bool IsBad(CalibrationConstants constants, int channel) =>
        ((BadChannelFlags)constants.BadChannels[channel] & ~BadChannelFlags.Interpolated) != BadChannelFlags.None;

    private static string Describe(int[] channels, int module, DetectorGeometry geometry, Dictionary<int, string> flagNames) =>
        string.Join(", ", channels.Select(channel => $"{channel} {flagNames[(module * geometry.Modules[module].ChannelCount) + channel]}"));

    private static double WorstError(CalibrationConstants constants, ModuleGeometry module, int detectorColumns, IEnumerable<FileFrame> topFlats,
        IReadOnlyList<FileFrame> projections, Recording recording, double[] darkInput, double[] topInput)
    {
        var chain = new CalibrationChain(constants, new CalibrationChainOptions
        {
            FlatField = CalibrationChain.FlatFieldFrom(constants, topFlats.Select(frame => ModuleFrame(frame, module, detectorColumns))),
        });
        var output = new float[module.ChannelCount];
        var worst = 0.0;
        foreach (var frame in projections)
        {
            var codes = ModuleFrame(frame, module, detectorColumns);
            chain.Apply(codes.Codes, codes.Side, output);
            var sample = recording.SampleAt(frame.FileIndex, RecordingEnd.Clamp);
            for (var channel = 0; channel < module.ChannelCount; channel++)
            {
                if (IsBad(constants, channel))
                {
                    continue;
                }

                var pixel = module.PixelIndex(channel, detectorColumns);
                var input = recording.Signal[(sample * recording.ChannelCount) + pixel];
                var ideal = (input - darkInput[pixel]) / (topInput[pixel] - darkInput[pixel]);
                // Relative to the transmission, but never to less than 1 %: a pixel behind a dense object would
                // otherwise turn noise into any error at all, and a negative ideal would hide it.
                worst = Math.Max(worst, Math.Abs(output[channel] - ideal) / Math.Max(Math.Abs(ideal), MinimumTransmission));
            }
        }

        return worst;
    }

    // One frame of the file: its codes (detector image), its index in the file and the integrator side.
    private readonly record struct FileFrame(int[] Codes, int FileIndex, int Side);

    // Incomplete frames hold zeros where a module's packets were lost: calibration uses complete frames only.
    private static bool[] CompleteFrames(string path)
    {
        using var file = H5File.OpenRead(path);
        var flags = file.Group(NexusPaths.Detector.TrimStart('/')).Dataset("frame_complete").Read<byte[]>();
        return Array.ConvertAll(flags, flag => flag != 0);
    }

    private static List<FileFrame> Read(FrameSeries series, bool[] complete) =>
        series.ReadCodes(0, series.Count, Sides)
            .Zip(series.FileIndices, (frame, fileIndex) => new FileFrame(frame.Codes, fileIndex, frame.Side))
            .Where(frame => complete[frame.FileIndex])
            .ToList();

    private static SidedFrame ModuleFrame(FileFrame frame, ModuleGeometry module, int detectorColumns)
    {
        var codes = new int[module.ChannelCount];
        module.Gather<int>(frame.Codes, detectorColumns, codes);
        return new SidedFrame(codes, frame.Side);
    }

    // Mean recorded input per pixel over the frames.
    private static double[] MeanInput(Recording recording, IReadOnlyList<FileFrame> frames) =>
        recording.MeanOf(frames.Select(frame => recording.SampleAt(frame.FileIndex, RecordingEnd.Clamp)).ToArray());

    // Exposure of a flat frame: its mean input above the dark input, over all pixels.
    private static double Exposure(Recording recording, int fileIndex, double[] darkInput)
    {
        var values = recording.SampleValues(recording.SampleAt(fileIndex, RecordingEnd.Clamp));
        var sum = 0.0;
        for (var pixel = 0; pixel < values.Length; pixel++)
        {
            sum += values[pixel] - darkInput[pixel];
        }

        return sum / values.Length;
    }
}

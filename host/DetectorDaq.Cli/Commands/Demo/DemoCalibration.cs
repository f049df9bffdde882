using DetectorDaq.Acquisition;
using DetectorDaq.Calibration.Chain;
using DetectorDaq.Calibration.Constants;
using DetectorDaq.CalibrationDb;
using DetectorDaq.Files;
using DetectorDaq.Firmware.Control;
using DetectorDaq.Frames;
using DetectorDaq.Hil.Chips.Ddc264;
using DetectorDaq.Hil.Controller;
using DetectorDaq.Hil.Recordings;
using DetectorDaq.Hil.Runner;
using DetectorDaq.Production.Devices;
using DetectorDaq.Receiver;

namespace DetectorDaq.Cli.Commands.Demo;

/// <summary>
/// The demo's calibration station: the detector's modules take darks and flats at three beam levels
/// (the scan's own dark and flat inputs, scaled), through the same replay path as the scan; constants
/// per module and integrator side are built by the calibration chain and stored in the database under
/// the serial number and at the board temperature each controller reports.
/// </summary>
internal static class DemoCalibration
{
    /// <summary>Dark frames, and flat frames per level.</summary>
    public const int FramesPerBlock = 40;

    /// <summary>Beam levels of the flats, relative to the scan's flats.</summary>
    public static readonly double[] Levels = [0.25, 0.5, 1.0];

    /// <summary>Calibrates every module of a replay of <paramref name="scan"/> on <paramref name="modules"/> modules; returns the stored version per module.</summary>
    /// <exception cref="InvalidOperationException">The calibration acquisition did not deliver every frame.</exception>
    public static IReadOnlyList<StoredCalibration> Run(Recording scan, int modules, Func<int, Ddc264ModuleModel> models, ICalibrationStore store, string scratchPath)
    {
        var recording = CalibrationRecording(scan);
        var identities = new (string Serial, double TemperatureCelsius)[modules];
        var summary = ReplayService.Run(new ReplayRequest(recording, modules, new AcquisitionOptions { OutputPath = scratchPath, FlatField = false, DiscardPolicy = FrameDiscardPolicy.DropPartial })
        {
            Ddc264Models = models,
            Prepared = controllers =>
            {
                for (var i = 0; i < controllers.Count; i++)
                {
                    identities[i] = Identify(controllers[i]);
                }
            },
        });
        if (summary.FaultReason is not null)
        {
            throw new InvalidOperationException($"calibration acquisition failed: {summary.FaultReason}");
        }

        using var file = TomographyFile.Open(scratchPath);
        var geometry = DetectorGeometry.ColumnStrips(scan.Rows, scan.Columns, modules);
        var darks = Frames(file.Darks);
        var flats = Frames(file.Flats);
        // Incomplete frames were dropped; constants from a handful of frames would be noise, not calibration.
        var thin = Enumerable.Range(-1, Levels.Length + 1).FirstOrDefault(l => (l < 0 ? darks.Length : flats.Count(frame => LevelOf(frame.FileIndex) == l)) < FramesPerBlock / 2, int.MinValue);
        if (thin != int.MinValue)
        {
            throw new InvalidOperationException($"calibration acquisition delivered too few complete {(thin < 0 ? "dark" : $"level-{Levels[thin]} flat")} frames ({summary.FramesComplete} of {summary.FramesExpected} frames complete)");
        }

        return geometry.Modules.Select((module, i) => store.Get(store.Store(ConstantsBuilder.Build(new ConstantsBuildRequest
        {
            ModuleSerial = identities[i].Serial,
            Conditions = new CalibrationConditions(identities[i].TemperatureCelsius, scan.SamplePeriodNanoseconds, ModuleRange.Name(ddc264: true)),
            ValidFrom = DateTimeOffset.UtcNow,
            Station = "demo",
            Rows = module.Rows,
            Columns = module.Columns,
            Sides = 2,
            // The replay streams 20-bit samples (Packed20): the converter's top code marks saturation.
            Criteria = new BadChannelCriteria { SaturationCode = (1 << 20) - 1 },
            Darks = darks.Select(frame => ModuleFrame(frame.Frame, module, geometry.Columns)).ToArray(),
            Flats = Levels.Select((level, l) => new FlatLevel(level, flats.Where(frame => LevelOf(frame.FileIndex) == l).Select(frame => ModuleFrame(frame.Frame, module, geometry.Columns)).ToArray())).ToArray(),
        })))).ToArray();
    }

    // Darks, then one block of flats per level, then one projection: the NeXus reader recognises a scan by its projections.
    private static Recording CalibrationRecording(Recording scan)
    {
        var dark = MeanInput(scan, ImageKey.Dark);
        var flat = MeanInput(scan, ImageKey.Flat);
        var keys = Enumerable.Repeat(ImageKey.Dark, FramesPerBlock)
            .Concat(Levels.SelectMany(_ => Enumerable.Repeat(ImageKey.Flat, FramesPerBlock)))
            .Append(ImageKey.Projection)
            .ToArray();
        var signal = new double[keys.Length * scan.ChannelCount];
        for (var frame = 0; frame < keys.Length; frame++)
        {
            var level = keys[frame] == ImageKey.Dark ? 0 : Levels[Math.Min(LevelOf(frame), Levels.Length - 1)];
            for (var pixel = 0; pixel < scan.ChannelCount; pixel++)
            {
                signal[(frame * scan.ChannelCount) + pixel] = dark[pixel] + (level * (flat[pixel] - dark[pixel]));
            }
        }

        return new Recording(scan.Kind, scan.SamplePeriodNanoseconds, scan.Rows, scan.Columns, signal, keys, source: "demo:calibration");
    }

    private static int LevelOf(int frameIndex) => (frameIndex - FramesPerBlock) / FramesPerBlock;

    /// <summary>Mean input per pixel over the frames of <paramref name="recording"/> keyed <paramref name="key"/>.</summary>
    public static double[] MeanInput(Recording recording, ImageKey key) =>
        recording.MeanOf(Enumerable.Range(0, recording.SampleCount).Where(frame => recording.ImageKeys![frame] == key).ToArray());

    // What the controller reports over Hello and housekeeping.
    private static (string Serial, double TemperatureCelsius) Identify(SimulatedController controller)
    {
        var info = new ControllerInfo();
        controller.Backend.FillInfo(info);
        var housekeeping = new Housekeeping();
        controller.Backend.FillHousekeeping(housekeeping);
        return (info.SerialNumber, housekeeping.BoardTemperatureMilliCelsius / 1000.0);
    }

    private static (SidedFrame Frame, int FileIndex)[] Frames(FrameSeries series) =>
        series.ReadCodes(0, series.Count, 2).Zip(series.FileIndices).ToArray();

    private static SidedFrame ModuleFrame(SidedFrame frame, ModuleGeometry module, int detectorColumns)
    {
        var codes = new int[module.ChannelCount];
        module.Gather<int>(frame.Codes, detectorColumns, codes);
        return new SidedFrame(codes, frame.Side);
    }
}

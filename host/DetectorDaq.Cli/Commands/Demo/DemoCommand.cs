using System.CommandLine;
using System.Globalization;
using DetectorDaq.Acquisition;
using DetectorDaq.Calibration.Constants;
using DetectorDaq.CalibrationDb;
using DetectorDaq.Cli.Commands.Acquire;
using DetectorDaq.Cli.Commands.Hil;
using DetectorDaq.Files;
using DetectorDaq.Hil.Chips.Ddc264;
using DetectorDaq.Hil.Recordings;
using DetectorDaq.Hil.Runner;

namespace DetectorDaq.Cli.Commands.Demo;

/// <summary>
/// <c>detdaq demo [--out DIR] [--stream URL] [--modules N]</c>: the main job on embedded defaults. A
/// simulated detector of several DDC264 modules with production-like chips (pedestal and gain spread,
/// datasheet noise) is first calibrated — darks and flats at three levels, constants per module and
/// integrator side into the SQLite calibration database in DIR — then replays the bundled tooth scan
/// through the real firmware core, over loopback UDP/TCP, into the host, which looks up each module's
/// constants by the serial number and temperature its controller reports, runs the calibration chain in
/// the stream and writes a NeXus file in DIR; last, the calibrated projections are compared with the
/// transmission the recording put on the inputs.
/// </summary>
public static class DemoCommand
{
    /// <summary>Module channel that is dead in the last module.</summary>
    public const int DeadChannel = 37;

    /// <summary>Module channel that is noisy in the last module (both bad channels lie in the 64 channels of the smallest module).</summary>
    public const int NoisyChannel = 50;

    /// <summary>Extra noise of <see cref="NoisyChannel"/>, codes rms (a healthy channel has 6.6).</summary>
    public const double NoisyChannelRmsCodes = 60;

    /// <summary>The bundled recording, next to the program.</summary>
    public static string BundledRecording => Path.Combine(AppContext.BaseDirectory, "recordings", "tooth.h5");

    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var directory = new Option<string>("--out") { Description = "Folder for the NeXus file and the calibration database.", DefaultValueFactory = _ => "." };
        var stream = new Option<string?>("--stream") { Description = "Publish every frame on a ZeroMQ PUB socket, e.g. tcp://127.0.0.1:5555." };
        var modules = new Option<int>("--modules") { Description = "Detector modules (1, 2, 4, 5, 10 or 20: the 2 x 640 image splits into whole DDC264 chips).", DefaultValueFactory = _ => 2 };
        var command = new Command("demo", "Simulated detector end to end: calibrate its modules into the calibration database, replay the bundled CT scan through virtual controllers, calibrate it in the stream into a NeXus file.") { directory, stream, modules };
        command.SetAction(parseResult =>
        {
            var folder = parseResult.GetValue(directory)!;
            var moduleCount = parseResult.GetValue(modules);
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new CommandLineException($"cannot create output folder {folder}: {exception.Message}", ExitCodes.Failure, exception);
            }

            var scan = LoadBundled();
            var geometry = Guard(() => ReplayTopology.Plan(scan, moduleCount).Geometry, ExitCodes.UsageError);
            var stamp = DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            var file = Path.Combine(folder, $"detdaq-demo-{stamp}.nxs");
            using var store = Guard(() => new SqliteCalibrationStore(Path.Combine(folder, "calibration.db")));
            var models = geometry.Modules.Select((module, i) => TypicalDdc264Module.Create(module.ChannelCount, TypicalDdc264Module.SeedFor($"demo-module-{i}"))).ToArray();
            // Like most real detectors, one module has a few bad pixels: the calibration must find them and the scan interpolate them.
            var flawed = models[^1].Defects!;
            flawed.SetDead(DeadChannel);
            flawed.SetNoisy(NoisyChannel, NoisyChannelRmsCodes);
            output.WriteLine($"DetectorDAQ demo: {moduleCount} simulated DDC264 modules of {geometry.Modules[0].ChannelCount} channels (production-like chips), the bundled {Path.GetFileName(BundledRecording)} (10 darks, 10 flats, 181 projections of 2 x 640)");

            output.WriteLine($"[1/3] calibration: {DemoCalibration.FramesPerBlock} darks and {DemoCalibration.FramesPerBlock} flats at each of {string.Join(", ", DemoCalibration.Levels.Select(level => level.ToString("P0", CultureInfo.InvariantCulture)))} beam → {store.Location}");
            var stored = Guard(() => DemoCalibration.Run(scan, moduleCount, module => models[module], store, Path.Combine(folder, $"detdaq-demo-{stamp}-calibration.nxs")));
            foreach (var version in stored)
            {
                var bad = version.Constants.BadChannels
                    .Select((mask, channel) => (Channel: channel, Flags: (BadChannelFlags)mask & ~BadChannelFlags.Interpolated))
                    .Where(entry => entry.Flags != BadChannelFlags.None)
                    .Select(entry => $"{entry.Channel} {entry.Flags}")
                    .ToArray();
                output.WriteLine($"      {version.Constants.ModuleSerial}: version {version.VersionId}, {version.Constants.Conditions.TemperatureCelsius:0.0} °C, {bad.Length} bad channel{(bad.Length == 1 ? "" : "s")}{(bad.Length > 0 ? ": " + string.Join(", ", bad) : "")}");
            }

            output.WriteLine("[2/3] scan: constants looked up per module, calibration chain in the stream");
            var request = new ReplayRequest(scan, moduleCount, new AcquisitionOptions { OutputPath = file, StreamUrl = parseResult.GetValue(stream) })
            {
                Ddc264Models = module => models[module].ForRun(1),
                Constants = topology => ConstantsLookup.Find(topology, scan.SamplePeriodNanoseconds, store, LookupMode.Prior, new ConditionTolerance(2), TimeSpan.FromSeconds(5), output),
            };
            var summary = HilReplayCommand.Replay(request, output);
            if (summary.FaultReason is not null)
            {
                return ExitCodes.Failure;
            }

            var accuracy = DemoAccuracy.Measure(file, scan, geometry, stored.Select(version => version.Constants).ToArray());
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[3/3] calibrated projections against the recorded transmission, {accuracy.Pixels} good pixel values ({accuracy.BadChannels} bad channels interpolated): |error| median {accuracy.Median:0.0e0}, 99 % {accuracy.Percentile99:0.0e0}, max {accuracy.Maximum:0.0e0}"));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Recording LoadBundled()
    {
        try
        {
            return RecordingLoader.Load(BundledRecording);
        }
        catch (RecordingException exception)
        {
            throw new CommandLineException(exception.Message, ExitCodes.Failure, exception);
        }
    }

    private static T Guard<T>(Func<T> work, int exitCode = ExitCodes.Failure)
    {
        try
        {
            return work();
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or AcquisitionException or TomographyFileException or CalibrationStoreException)
        {
            throw new CommandLineException(exception.Message, exitCode, exception);
        }
    }
}

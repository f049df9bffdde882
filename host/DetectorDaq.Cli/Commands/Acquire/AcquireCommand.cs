using System.CommandLine;
using DetectorDaq.Acquisition;
using DetectorDaq.Calibration.Constants;
using DetectorDaq.Cli.Commands.Cal;
using DetectorDaq.Cli.Output;
using DetectorDaq.Frames;
using DetectorDaq.Receiver.Topology;

namespace DetectorDaq.Cli.Commands.Acquire;

/// <summary>
/// <c>detdaq acquire --config detector.yaml --out FILE [--frames N] [--image-key KEY] [--integration-us T] [--stream URL]
/// [--constants [MODULE=]FILE|VERSION … | --lookup [--mode prior|closest] [--temperature-tolerance K]] [--db PATH|--postgres CONNECTION]</c>:
/// one run on real controllers (or simulated ones named in the topology), written as NeXus; with constants, given
/// or looked up per module, the calibration chain runs in the stream and writes /entry/calibrated/data (one image
/// key per run, so projections are linear, gain-corrected codes: no run flats to normalise by).
/// </summary>
public static class AcquireCommand
{
    /// <summary>Image keys accepted on the command line.</summary>
    public static readonly string[] ImageKeys = ["projection", "flat", "dark"];

    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var config = new Option<string>("--config") { Description = "Detector topology YAML (modules, controller addresses, chips, geometry).", Required = true };
        var outputFile = new Option<string>("--out") { Description = "NeXus file to write.", Required = true };
        var frames = new Option<int>("--frames") { Description = "Frames to acquire.", DefaultValueFactory = _ => 100 };
        var key = new Option<string>("--image-key") { Description = "What the frames show: projection, flat or dark.", DefaultValueFactory = _ => "projection" };
        key.AcceptOnlyFromAmong(ImageKeys);
        var integration = new Option<double>("--integration-us") { Description = "Integration period, microseconds.", DefaultValueFactory = _ => 1000 };
        var stream = new Option<string?>("--stream") { Description = "Publish every frame on a ZeroMQ PUB socket, e.g. tcp://*:5555." };
        var constants = new Option<string[]>("--constants")
        {
            Description = "Calibrate in the stream: [MODULE=]FILE.h5 or [MODULE=]VERSION (calibration database) per module; repeatable.",
            AllowMultipleArgumentsPerToken = true,
        };
        var lookup = new Option<bool>("--lookup") { Description = "Calibrate in the stream with each module's constants from the calibration database, found by the serial its controller reports and the run's conditions." };
        var store = new CalStoreOptions();
        var lookupOptions = new LookupOptions();
        var command = new Command("acquire", "Acquire frames from the controllers of a detector into a NeXus file.") { config, outputFile, frames, key, integration, stream, constants, lookup, store.Database, store.Postgres };
        foreach (var option in lookupOptions.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parseResult =>
        {
            var frameCount = parseResult.GetValue(frames);
            var period = parseResult.GetValue(integration);
            if (frameCount < 1 || period < 1)
            {
                throw new CommandLineException("--frames and --integration-us must be positive", ExitCodes.UsageError);
            }

            DetectorTopology topology;
            try
            {
                topology = DetectorTopology.Load(parseResult.GetValue(config)!);
            }
            catch (TopologyException exception)
            {
                throw new CommandLineException(exception.Message, ExitCodes.UsageError, exception);
            }

            var imageKey = parseResult.GetValue(key) switch { "dark" => ImageKey.Dark, "flat" => ImageKey.Flat, _ => ImageKey.Projection };
            var plan = AcquisitionPlan.Uniform(imageKey, frameCount, (long)Math.Round(period * 1000));
            var options = new AcquisitionOptions
            {
                OutputPath = parseResult.GetValue(outputFile)!,
                StreamUrl = parseResult.GetValue(stream),
                FlatField = false,
                Constants = Constants(parseResult, topology, plan.IntegrationPeriodNanoseconds),
            };
            try
            {
                var summary = AcquisitionReport.Run(ConsoleFactory.Create(output), "acquire", progress => AcquisitionSession.Run(topology, plan, options with { Progress = progress }));
                return summary.FaultReason is null ? ExitCodes.Success : ExitCodes.Failure;
            }
            catch (AcquisitionException exception)
            {
                throw new CommandLineException(exception.Message, ExitCodes.Failure, exception);
            }
        });
        return command;

        IReadOnlyDictionary<int, CalibrationConstants>? Constants(ParseResult parseResult, DetectorTopology topology, long integrationPeriodNanoseconds)
        {
            var given = parseResult.GetValue(constants) ?? [];
            if (!parseResult.GetValue(lookup))
            {
                return ModuleConstants.Load(given, topology, store, parseResult);
            }

            if (given.Length > 0)
            {
                throw new CommandLineException("give either --constants or --lookup, not both", ExitCodes.UsageError);
            }

            using var opened = store.Open(parseResult);
            return ConstantsLookup.Find(topology, integrationPeriodNanoseconds, opened, lookupOptions.ModeOf(parseResult), lookupOptions.ToleranceOf(parseResult), TimeSpan.FromSeconds(5), output);
        }
    }
}

using System.CommandLine;
using DetectorDaq.Acquisition;
using DetectorDaq.Cli.Output;
using DetectorDaq.Hil.Recordings;
using DetectorDaq.Hil.Runner;

namespace DetectorDaq.Cli.Commands.Hil;

/// <summary>
/// <c>detdaq hil replay --recording FILE --output FILE [--modules N] [--stream URL] [--log]</c>: plays a
/// recording through simulated controllers into the real host, which writes a NeXus file.
/// </summary>
public static class HilReplayCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var recording = new Option<string>("--recording") { Description = "Recording: DetectorDAQ HDF5 recording, Data Exchange or NeXus CT scan, or OpenBCI CSV.", Required = true };
        var outputFile = new Option<string>("--output") { Description = "NeXus file to write.", Required = true };
        var modules = new Option<int>("--modules") { Description = "Detector modules (simulated controllers) to split the columns into.", DefaultValueFactory = _ => 2 };
        var stream = new Option<string?>("--stream") { Description = "Publish every frame on a ZeroMQ PUB socket, e.g. tcp://127.0.0.1:5555." };
        var minusLog = new Option<bool>("--log") { Description = "Write −ln of the flat-fielded projections." };
        var command = new Command("replay", "Replay a recording through simulated controllers into the host and write a NeXus file.") { recording, outputFile, modules, stream, minusLog };
        command.SetAction(parseResult =>
        {
            var summary = Replay(
                parseResult.GetValue(recording)!,
                new AcquisitionOptions { OutputPath = parseResult.GetValue(outputFile)!, StreamUrl = parseResult.GetValue(stream), MinusLog = parseResult.GetValue(minusLog) },
                parseResult.GetValue(modules),
                output);
            return summary.FaultReason is null ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    /// <summary>Loads and replays a recording with a progress bar and a summary table.</summary>
    public static AcquisitionSummary Replay(string recordingPath, AcquisitionOptions options, int modules, TextWriter output)
    {
        Recording recording;
        try
        {
            recording = RecordingLoader.Load(recordingPath);
        }
        catch (RecordingException exception)
        {
            throw new CommandLineException(exception.Message, ExitCodes.UsageError, exception);
        }

        return Replay(new ReplayRequest(recording, modules, options), output);
    }

    /// <summary>Replays <paramref name="request"/> with a progress bar and a summary table.</summary>
    public static AcquisitionSummary Replay(ReplayRequest request, TextWriter output)
    {
        try
        {
            var console = ConsoleFactory.Create(output);
            return AcquisitionReport.Run(console, "replay", progress => ReplayService.Run(request with { Acquisition = request.Acquisition with { Progress = progress } }));
        }
        catch (ArgumentException exception)
        {
            throw new CommandLineException(exception.Message, ExitCodes.UsageError, exception);
        }
        catch (AcquisitionException exception)
        {
            throw new CommandLineException(exception.Message, ExitCodes.Failure, exception);
        }
    }
}

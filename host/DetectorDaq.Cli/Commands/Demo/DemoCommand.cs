using System.CommandLine;
using System.Globalization;
using DetectorDaq.Acquisition;
using DetectorDaq.Cli.Commands.Hil;

namespace DetectorDaq.Cli.Commands.Demo;

/// <summary>
/// <c>detdaq demo [--out DIR] [--stream URL] [--modules N]</c>: the main job on embedded defaults. A
/// simulated detector of several DDC264 modules replays the bundled tooth scan (darks, flats,
/// projections) through the real firmware core, over loopback UDP/TCP, into the host, which
/// flat-fields in the stream and writes a NeXus file in DIR.
/// </summary>
public static class DemoCommand
{
    /// <summary>The bundled recording, next to the program.</summary>
    public static string BundledRecording => Path.Combine(AppContext.BaseDirectory, "recordings", "tooth.h5");

    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var directory = new Option<string>("--out") { Description = "Folder for the NeXus file.", DefaultValueFactory = _ => "." };
        var stream = new Option<string?>("--stream") { Description = "Publish every frame on a ZeroMQ PUB socket, e.g. tcp://127.0.0.1:5555." };
        var modules = new Option<int>("--modules") { Description = "Detector modules (1, 2, 4, 5, 10 or 20: the 2 x 640 image splits into whole DDC264 chips).", DefaultValueFactory = _ => 2 };
        var command = new Command("demo", "Simulated detector end to end: replay the bundled CT scan through virtual controllers into a flat-fielded NeXus file.") { directory, stream, modules };
        command.SetAction(parseResult =>
        {
            var folder = parseResult.GetValue(directory)!;
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new CommandLineException($"cannot create output folder {folder}: {exception.Message}", ExitCodes.Failure, exception);
            }

            var file = Path.Combine(folder, "detdaq-demo-" + DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + ".nxs");
            output.WriteLine($"DetectorDAQ demo: {parseResult.GetValue(modules)} simulated DDC264 modules replay {Path.GetFileName(BundledRecording)} (10 darks, 10 flats, 181 projections of 2 x 640)");
            var summary = HilReplayCommand.Replay(BundledRecording, new AcquisitionOptions { OutputPath = file, StreamUrl = parseResult.GetValue(stream) }, parseResult.GetValue(modules), output);
            return summary.FaultReason is null ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }
}

using System.CommandLine;
using System.Globalization;
using DetectorDaq.Bench;

namespace DetectorDaq.Cli.Commands.Bench;

/// <summary>
/// <c>detdaq bench [--json] [--quick]</c>: measures calibration, UDP ingest, the whole chain and memory in one run
/// on this machine, each against its baseline. <c>--memory-probe N [--writer]</c> is the child process the memory
/// figures come from: it runs the chain for N frames and prints its peak RSS in MB.
/// </summary>
public static class BenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the table." };
        var quick = new Option<bool>("--quick") { Description = "Small and short (seconds); figures are noisier." };
        var memoryProbe = new Option<long?>("--memory-probe") { Description = "Run the receive → aggregate → calibrate chain for N frames and print the peak RSS, MB (used by bench itself).", Hidden = true };
        var writer = new Option<bool>("--writer") { Description = "With --memory-probe: also write the frames to a NeXus file.", Hidden = true };
        var command = new Command("bench", "Measure throughput and memory of the host chain against plain baselines on this machine.") { json, quick, memoryProbe, writer };
        command.SetAction(parseResult =>
        {
            if (parseResult.GetValue(memoryProbe) is { } frames)
            {
                if (frames < 1)
                {
                    throw new CommandLineException($"--memory-probe needs at least 1 frame, not {frames}", ExitCodes.UsageError);
                }

                var megabytes = MemoryProbe.Run(new MemoryProbeRequest(frames, parseResult.GetValue(writer)));
                output.WriteLine(megabytes.ToString("R", CultureInfo.InvariantCulture));
                return ExitCodes.Success;
            }

            BenchService.Run(parseResult.GetValue(quick), parseResult.GetValue(json), output);
            return ExitCodes.Success;
        });
        return command;
    }
}

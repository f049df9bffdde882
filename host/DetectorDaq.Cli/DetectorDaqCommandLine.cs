using System.CommandLine;
using DetectorDaq.Cli.Commands.Acquire;
using DetectorDaq.Cli.Commands.Bench;
using DetectorDaq.Cli.Commands.Board;
using DetectorDaq.Cli.Commands.Cal;
using DetectorDaq.Cli.Commands.Calibrate;
using DetectorDaq.Cli.Commands.Demo;
using DetectorDaq.Cli.Commands.Hil;
using DetectorDaq.Cli.Commands.Regmap;

namespace DetectorDaq.Cli;

/// <summary>Builds the <c>detdaq</c> command tree and runs it with given output streams.</summary>
public static class DetectorDaqCommandLine
{
    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("DetectorDAQ: data acquisition for X-ray and CT detectors.");
        root.Subcommands.Add(DemoCommand.Create(output));
        root.Subcommands.Add(AcquireCommand.Create(output));
        root.Subcommands.Add(RegmapCommand.Create(output));
        root.Subcommands.Add(BoardCommand.Create(output));
        root.Subcommands.Add(HilCommand.Create(output));
        root.Subcommands.Add(CalibrateCommand.Create(output, error));
        root.Subcommands.Add(CalCommand.Create(output));
        root.Subcommands.Add(BenchCommand.Create(output));
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return root.Parse(args).Invoke(configuration);
        }
        catch (CommandLineException exception)
        {
            error.WriteLine($"error: {exception.Message}");
            return exception.ExitCode;
        }
    }
}

using System.CommandLine;

namespace DetectorDaq.Cli.Commands.Calibrate;

/// <summary><c>detdaq calibrate …</c>: calibration of acquired data.</summary>
public static class CalibrateCommand
{
    /// <summary>Builds the command tree.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("calibrate", "Calibrate acquired data.");
        command.Subcommands.Add(FlatFieldCommand.Create(output, error));
        command.Subcommands.Add(RunCommand.Create(output, error));
        command.Subcommands.Add(ApplyCommand.Create(output, error));
        return command;
    }
}

using System.CommandLine;

namespace DetectorDaq.Cli.Commands.Hil;

/// <summary><c>detdaq hil …</c>: the hardware-in-the-loop simulation.</summary>
public static class HilCommand
{
    /// <summary>Builds the command tree.</summary>
    public static Command Create(TextWriter output)
    {
        var command = new Command("hil", "Hardware-in-the-loop simulation: the real firmware core on virtual chips.");
        command.Subcommands.Add(HilControllerCommand.Create(output));
        command.Subcommands.Add(HilReplayCommand.Create(output));
        command.Subcommands.Add(HilRunCommand.Create(output));
        return command;
    }
}

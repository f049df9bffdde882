using System.CommandLine;
using DetectorDaq.Host.Board;
using DetectorDaq.Host.Control;

namespace DetectorDaq.Cli.Commands.Board;

/// <summary><c>detdaq board info|selftest|housekeeping|regs</c>: bring-up of one controller.</summary>
public static class BoardCommand
{
    /// <summary>Builds the command tree.</summary>
    public static Command Create(TextWriter output)
    {
        var command = new Command("board", "Bring up a controller board: identify it, run its self-test, peek and poke registers.");
        command.Subcommands.Add(BoardInfoCommand.Create(output));
        command.Subcommands.Add(BoardSelfTestCommand.Create(output));
        command.Subcommands.Add(BoardHousekeepingCommand.Create(output));
        command.Subcommands.Add(BoardRegistersCommand.Create(output));
        return command;
    }

    /// <summary>Runs <paramref name="work"/> on a connected board service, turning controller errors into one-line CLI errors.</summary>
    public static int WithBoard(ControllerOptions options, ParseResult parseResult, Func<BoardService, int> work)
    {
        using var client = options.Connect(parseResult);
        try
        {
            return work(new BoardService(client));
        }
        catch (Exception exception) when (exception is BoardCommandException or ControllerUnreachableException)
        {
            throw new CommandLineException(exception.Message, ExitCodes.Failure, exception);
        }
    }
}

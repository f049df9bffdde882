using System.CommandLine;
using DetectorDaq.Cli.Output;
using Spectre.Console;

namespace DetectorDaq.Cli.Commands.Board;

/// <summary><c>detdaq board housekeeping</c>: state, counters, temperature, last error.</summary>
public static class BoardHousekeepingCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var options = new ControllerOptions();
        var command = new Command("housekeeping", "Read the controller's state, frame and packet counters, temperature and last error.");
        options.AddTo(command);
        command.SetAction(parseResult => BoardCommand.WithBoard(options, parseResult, board =>
        {
            var housekeeping = board.Housekeeping();
            var table = new Table().AddColumns("item", "value").HideHeaders();
            table.AddRow("state", housekeeping.State.ToString());
            table.AddRow("frames sent", housekeeping.FramesSent.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("packets sent", housekeeping.PacketsSent.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("FIFO overflows", housekeeping.FifoOverflows.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("frames dropped", housekeeping.FramesDropped.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("board temperature", $"{housekeeping.BoardTemperatureMilliCelsius / 1000.0:0.00} °C");
            table.AddRow("last error", Markup.Escape(housekeeping.LastError.Length == 0 ? "none" : housekeeping.LastError));
            ConsoleFactory.Create(output).Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }
}

using System.CommandLine;
using DetectorDaq.Cli.Output;
using Spectre.Console;

namespace DetectorDaq.Cli.Commands.Board;

/// <summary><c>detdaq board info</c>: firmware version, board, chips, FPGA identification.</summary>
public static class BoardInfoCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var options = new ControllerOptions();
        var command = new Command("info", "Identify a controller: firmware, board, serial number, chips, FPGA.");
        options.AddTo(command);
        command.SetAction(parseResult => BoardCommand.WithBoard(options, parseResult, board =>
        {
            var info = board.Info();
            var table = new Table().AddColumns("item", "value").HideHeaders();
            table.AddRow("firmware", Markup.Escape(info.FirmwareVersion));
            table.AddRow("board", Markup.Escape(info.BoardName));
            table.AddRow("serial number", Markup.Escape(info.SerialNumber));
            table.AddRow("ADS131M08", info.HasAds131m08 ? "present" : "absent");
            table.AddRow("DDC264 chain", info.Ddc264ChainLength == 0 ? "absent" : $"{info.Ddc264ChainLength} chips ({info.Ddc264ChainLength * 64} channels)");
            table.AddRow("FPGA", info.FpgaId == 0 ? "absent" : $"id 0x{info.FpgaId:X8}, version {info.FpgaVersion >> 16}.{info.FpgaVersion & 0xFFFF}");
            table.AddRow("max MTU", $"{info.MaxMtu} bytes");
            ConsoleFactory.Create(output).Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }
}

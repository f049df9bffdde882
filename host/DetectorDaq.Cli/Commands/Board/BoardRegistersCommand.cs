using System.CommandLine;
using DetectorDaq.Cli.Output;
using Spectre.Console;

namespace DetectorDaq.Cli.Commands.Board;

/// <summary><c>detdaq board regs read|write</c>: register peek and poke through the controller.</summary>
public static class BoardRegistersCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var command = new Command("regs", "Read or write chip and FPGA registers; writes are checked against the register map on the controller.");
        command.Subcommands.Add(CreateRead(output));
        command.Subcommands.Add(CreateWrite(output));
        return command;
    }

    private static Command CreateRead(TextWriter output)
    {
        var options = new ControllerOptions();
        var chip = ChipOption();
        var index = IndexOption();
        var address = new Option<string>("--address") { Description = "First register: number (0x…) or name.", Required = true };
        var count = new Option<int>("--count") { Description = "Registers to read (1 to 32).", DefaultValueFactory = _ => 1 };
        var command = new Command("read", "Read registers.") { chip, index, address, count };
        options.AddTo(command);
        command.SetAction(parseResult => BoardCommand.WithBoard(options, parseResult, board =>
        {
            var (kind, map) = RegisterArguments.Chip(parseResult.GetValue(chip)!);
            var first = RegisterArguments.Address(parseResult.GetValue(address)!, map);
            var values = board.ReadRegisters(kind, parseResult.GetValue(index), first, parseResult.GetValue(count));
            var table = new Table().AddColumns("address", "register", "value", "fields");
            for (var i = 0; i < values.Length; i++)
            {
                var register = map.FindByAddress(first + i);
                var digits = (map.WordBits + 3) / 4;
                table.AddRow(
                    $"0x{first + i:X2}",
                    register?.Name ?? "(reserved)",
                    "0x" + values[i].ToString("X" + digits, System.Globalization.CultureInfo.InvariantCulture),
                    register is null ? "" : Markup.Escape(RegisterArguments.DecodeFields(register, values[i])));
            }

            ConsoleFactory.Create(output).Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command CreateWrite(TextWriter output)
    {
        var options = new ControllerOptions();
        var chip = ChipOption();
        var index = IndexOption();
        var address = new Option<string>("--address") { Description = "Register: number (0x…) or name.", Required = true };
        var value = new Option<string>("--value") { Description = "Value (0x… or decimal).", Required = true };
        var command = new Command("write", "Write one register.") { chip, index, address, value };
        options.AddTo(command);
        command.SetAction(parseResult => BoardCommand.WithBoard(options, parseResult, board =>
        {
            var (kind, map) = RegisterArguments.Chip(parseResult.GetValue(chip)!);
            var target = RegisterArguments.Address(parseResult.GetValue(address)!, map);
            var written = RegisterArguments.Value(parseResult.GetValue(value)!);
            board.WriteRegister(kind, parseResult.GetValue(index), target, written);
            output.WriteLine($"wrote 0x{written:X} to {map.Name} {map.FindByAddress(target)?.Name ?? "?"} (0x{target:X2})");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Option<string> ChipOption()
    {
        var chip = new Option<string>("--chip") { Description = "ads131m08, ddc264 or fpga.", Required = true };
        chip.AcceptOnlyFromAmong(RegisterArguments.ChipNames);
        return chip;
    }

    private static Option<int> IndexOption() => new("--index") { Description = "Chip index on the board (DDC264: position in the chain from the FPGA).", DefaultValueFactory = _ => 0 };
}

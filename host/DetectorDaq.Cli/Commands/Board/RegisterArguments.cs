using System.Globalization;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Interfaces.Catalog;
using DetectorDaq.Interfaces.Model;

namespace DetectorDaq.Cli.Commands.Board;

/// <summary>Turns the chip, address and value given on the command line into register-map terms.</summary>
public static class RegisterArguments
{
    /// <summary>Chip names accepted by <c>--chip</c>.</summary>
    public static readonly string[] ChipNames = ["ads131m08", "ddc264", "fpga"];

    /// <summary>The chip kind and its register map for a <c>--chip</c> value.</summary>
    public static (ChipKind Kind, RegisterMap Map) Chip(string name) => name.ToLowerInvariant() switch
    {
        "ads131m08" => (ChipKind.Ads131m08, InterfaceCatalog.Ads131m08),
        "ddc264" => (ChipKind.Ddc264, InterfaceCatalog.Ddc264),
        "fpga" => (ChipKind.Fpga, InterfaceCatalog.Fpga),
        _ => throw new CommandLineException($"unknown chip '{name}'; known: {string.Join(", ", ChipNames)}", ExitCodes.UsageError),
    };

    /// <summary>An address given as a number (0x… or decimal) or as a register name of <paramref name="map"/>.</summary>
    public static int Address(string text, RegisterMap map)
    {
        if (TryNumber(text, out var number))
        {
            return (int)number;
        }

        return map.FindByName(text)?.Address
            ?? throw new CommandLineException($"'{text}' is neither a number nor a register of {map.Name}", ExitCodes.UsageError);
    }

    /// <summary>A register value given as 0x… or decimal.</summary>
    public static uint Value(string text) =>
        TryNumber(text, out var number) && number <= uint.MaxValue
            ? (uint)number
            : throw new CommandLineException($"value '{text}' is not a 32-bit number", ExitCodes.UsageError);

    /// <summary>The fields of <paramref name="register"/> decoded from <paramref name="value"/>, as <c>NAME=0x…</c> pairs.</summary>
    public static string DecodeFields(Register register, uint value) =>
        string.Join(" ", register.Fields.Select(field => $"{field.Name}=0x{(value & field.Mask) >> field.Lsb:X}"));

    private static bool TryNumber(string text, out ulong number) =>
        text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.TryParse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out number)
            : ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number);
}

using System.Globalization;
using System.Text;
using DetectorDaq.Interfaces.Model;

namespace DetectorDaq.Interfaces.Rendering;

/// <summary>Emits the reference documentation of a register map or format as Markdown tables.</summary>
public static class MarkdownRenderer
{
    private const string UnconfirmedMark = "⚠ unconfirmed";

    /// <summary>Renders a register map.</summary>
    public static string RenderRegisterMap(RegisterMap map, string? sourcePath = null)
    {
        var text = new StringBuilder();
        Header(text, sourcePath);
        text.Append(CultureInfo.InvariantCulture, $"# {map.Name} — {map.Title}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Source: {map.Datasheet}. Registers are {map.WordBits} bits wide. Bits in no field are reserved: written 0, rejected by the firmware's write validation.\n\n");
        if (map.SpiDescription is { } spi)
        {
            text.Append(CultureInfo.InvariantCulture, $"Access over SPI: {spi}\n\n");
        }

        text.Append("| Address | Name | Access | Reset | Description | Source |\n|---|---|---|---|---|---|\n");
        foreach (var register in map.Registers)
        {
            var reset = Names.Hex(register.Reset, map.WordBits);
            if (register.ResetKnownMask != map.WordMask)
            {
                reset += $" (known bits {Names.Hex(register.ResetKnownMask, map.WordBits)})";
            }

            text.Append(CultureInfo.InvariantCulture, $"| {Names.Hex((ulong)register.Address, 8)} | {register.Name} | {register.Access.ToShortName()} | {reset} | {Cell(register.Description)} | {Cell(register.Source)} |\n");
        }

        foreach (var register in map.Registers.Where(r => r.Block is null || r.Block.Index == 0))
        {
            var title = register.Block is { } block ? $"{block.Template} (0x{block.BaseAddress:X2} + {block.Stride}·n, n = 0…{block.Count - 1})" : $"{register.Name} (0x{register.Address:X2})";
            text.Append(CultureInfo.InvariantCulture, $"\n## {title}\n\n");
            text.Append("| Bits | Field | Access | Description |\n|---|---|---|---|\n");
            foreach (var field in register.Fields)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {BitRange(field)} | {field.Name} | {field.Access.ToShortName()} | {FieldDescription(field)} |\n");
            }
        }

        RenderEnums(text, map.Enums);
        return text.ToString();
    }

    /// <summary>Renders a packet or FIFO format.</summary>
    public static string RenderFormat(PacketFormat format, string? sourcePath = null)
    {
        var text = new StringBuilder();
        Header(text, sourcePath);
        text.Append(CultureInfo.InvariantCulture, $"# {format.Name} — {format.Title}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Source: {format.Source}. Header: {format.Size} bytes, {(format.BigEndian ? "big" : "little")}-endian.\n\n");
        text.Append("| Offset | Type | Field | Description |\n|---|---|---|---|\n");
        foreach (var field in format.Fields)
        {
            var description = Cell(field.Description);
            if (field.FixedValue is { } value)
            {
                description += $" Always {Names.Hex(value, (int)field.Type * 8)}.";
            }

            if (field.EnumName is { } enumName)
            {
                description += $" Values: {enumName}.";
            }

            text.Append(CultureInfo.InvariantCulture, $"| {field.Offset} | {field.Type.ToString().ToLowerInvariant()} | {field.Name} | {description} |\n");
        }

        foreach (var field in format.Fields.Where(f => f.Bits.Count > 0))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## {field.Name} bits\n\n| Bits | Field | Description |\n|---|---|---|\n");
            foreach (var bits in field.Bits)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {BitRange(bits)} | {bits.Name} | {FieldDescription(bits)} |\n");
            }
        }

        if (format.Constants.Count > 0)
        {
            text.Append("\n## Constants\n\n| Name | Value | Description |\n|---|---|---|\n");
            foreach (var constant in format.Constants)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {constant.Name} | {constant.Value} | {Cell(constant.Description)} |\n");
            }
        }

        foreach (var payload in format.Payloads)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## Payload {payload.Name}{(payload.FixedSize is { } size ? $" ({size} bytes)" : "")}\n\n{Cell(payload.Description)}\n\n| Offset | Type | Field | Description |\n|---|---|---|---|\n");
            foreach (var field in payload.Fields)
            {
                var type = field.Type.ShortName() + (field.Type == PayloadFieldType.Text ? $" ≤ {field.MaxLength}" : "") + (field.RepeatCount is { } count ? $" × {count} (≤ {field.MaxCount})" : "");
                var description = Cell(field.Description) + (field.EnumName is { } enumName ? $" Values: {enumName}." : "");
                text.Append(CultureInfo.InvariantCulture, $"| {(field.Offset is { } offset ? offset.ToString(CultureInfo.InvariantCulture) : "…")} | {type} | {field.Name} | {description} |\n");
            }
        }

        RenderEnums(text, format.Enums);
        return text.ToString();
    }

    private static void RenderEnums(StringBuilder text, IReadOnlyList<EnumType> enums)
    {
        foreach (var enumType in enums)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## {enumType.Name}{(enumType.IsFlags ? " (flags)" : "")}\n\n{Cell(enumType.Description)}\n\n| Value | Name | Description |\n|---|---|---|\n");
            foreach (var value in enumType.Values)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {value.Value} | {value.Name} | {Cell(value.Description)} |\n");
            }
        }
    }

    private static string FieldDescription(Field field)
    {
        var description = Cell(field.Description);
        if (field.EnumName is { } enumName)
        {
            description += $" Values: {enumName}.";
        }

        if (field.FixedValue is { } value)
        {
            description += $" Expected value {Names.Hex(value, field.Width)}.";
        }

        return field.Confirmed ? description : $"{description} **{UnconfirmedMark}**";
    }

    private static string BitRange(Field field) => field.Width == 1 ? field.Lsb.ToString(CultureInfo.InvariantCulture) : $"{field.Msb}:{field.Lsb}";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ').Trim();

    private static void Header(StringBuilder text, string? sourcePath)
    {
        if (sourcePath is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"<!-- Generated by DetectorDaq.Interfaces.Generator from {sourcePath}. Do not edit. -->\n\n");
        }
    }
}

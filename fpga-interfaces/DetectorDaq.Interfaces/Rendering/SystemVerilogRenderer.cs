using System.Globalization;
using DetectorDaq.Interfaces.Model;

namespace DetectorDaq.Interfaces.Rendering;

/// <summary>Emits one SystemVerilog package with the addresses, fields, formats and value sets.</summary>
public static class SystemVerilogRenderer
{
    /// <summary>Package name.</summary>
    public const string PackageName = "detdaq_pkg";

    /// <summary>Renders the whole set as one package.</summary>
    public static string Render(InterfaceSet set, string sourcePath)
    {
        var code = new CodeWriter("  ");
        code.Raw(Names.GeneratedHeader("//", sourcePath));
        code.Line($"package {PackageName};");
        code.Indent();
        foreach (var map in set.RegisterMaps)
        {
            RenderMap(code, map);
        }

        foreach (var format in set.Formats)
        {
            RenderFormat(code, format);
        }

        code.Outdent();
        code.Line($"endpackage : {PackageName}");
        return code.ToString();
    }

    /// <summary>Renders a package holding one register map only (for <c>detdaq regmap --format sv</c>).</summary>
    public static string RenderMapPackage(RegisterMap map)
    {
        var code = new CodeWriter("  ");
        var package = $"{map.Name.ToLowerInvariant()}_regs_pkg";
        code.Line($"// {map.Title} register map. Source: {map.Datasheet}.");
        code.Line($"package {package};");
        code.Indent();
        RenderMap(code, map);
        code.Outdent();
        code.Line($"endpackage : {package}");
        return code.ToString();
    }

    private static void RenderMap(CodeWriter code, RegisterMap map)
    {
        var prefix = Names.UpperSnake(map.Name);
        code.Line();
        code.Line($"// ---- {map.Title} ({map.Datasheet})");
        code.Line($"localparam int unsigned {prefix}_WORD_BITS = {map.WordBits};");
        code.Line($"localparam int unsigned {prefix}_ADDRESS_BITS = {map.AddressBits};");
        foreach (var enumType in map.Enums)
        {
            RenderEnum(code, enumType);
        }

        foreach (var register in map.Registers)
        {
            var name = $"{prefix}_{Names.UpperSnake(register.Name)}";
            code.Line($"// {register.Name}: {register.Description.Replace('\n', ' ')} [{register.Source}]");
            code.Line($"localparam logic [{map.AddressBits - 1}:0] {name}_ADDR = {map.AddressBits}'h{register.Address.ToString("X", CultureInfo.InvariantCulture)};");
            code.Line($"localparam logic [{map.WordBits - 1}:0] {name}_RESET = {map.WordBits}'h{register.Reset.ToString("X", CultureInfo.InvariantCulture)};");
            code.Line($"localparam logic [{map.WordBits - 1}:0] {name}_WRITABLE = {map.WordBits}'h{register.WritableMask.ToString("X", CultureInfo.InvariantCulture)};");
            if (register.Block is { Index: > 0 })
            {
                continue;
            }

            var fieldPrefix = register.Block is null ? name : $"{prefix}_{Names.UpperSnake(register.Block.Template)}";
            foreach (var field in register.Fields)
            {
                var unconfirmed = field.Confirmed ? "" : " (unconfirmed)";
                code.Line($"localparam int unsigned {fieldPrefix}_{Names.UpperSnake(field.Name)}_LSB = {field.Lsb}; // {field.Description.Replace('\n', ' ')}{unconfirmed}");
                code.Line($"localparam int unsigned {fieldPrefix}_{Names.UpperSnake(field.Name)}_WIDTH = {field.Width};");
            }
        }
    }

    private static void RenderFormat(CodeWriter code, PacketFormat format)
    {
        var prefix = Names.UpperSnake(format.Name);
        code.Line();
        code.Line($"// ---- {format.Title} ({format.Source}); {(format.BigEndian ? "big" : "little")}-endian");
        code.Line($"localparam int unsigned {prefix}_SIZE = {format.Size};");
        foreach (var enumType in format.Enums)
        {
            RenderEnum(code, enumType);
        }

        foreach (var field in format.Fields)
        {
            var name = $"{prefix}_{Names.UpperSnake(field.Name)}";
            code.Line($"localparam int unsigned {name}_OFFSET = {field.Offset}; // {field.Description.Replace('\n', ' ')}");
            if (field.FixedValue is { } value)
            {
                var bits = (int)field.Type * 8;
                code.Line($"localparam logic [{bits - 1}:0] {name}_VALUE = {bits}'h{value.ToString("X", CultureInfo.InvariantCulture)};");
            }

            if (field.Bits.Count > 0)
            {
                RenderPackedStruct(code, $"{format.Name}_{field.Name.ToLowerInvariant()}_t", field);
            }
        }

        foreach (var payload in format.Payloads)
        {
            foreach (var field in payload.Fields.Where(f => f.Offset is not null))
            {
                code.Line($"localparam int unsigned {prefix}_{Names.UpperSnake(payload.Name)}_{Names.UpperSnake(field.Name)}_OFFSET = {field.Offset}; // {field.Type.ShortName()}: {field.Description}");
            }
        }

        foreach (var constant in format.Constants)
        {
            code.Line($"localparam longint unsigned {prefix}_{Names.UpperSnake(constant.Name)} = {constant.Value.ToString(CultureInfo.InvariantCulture)}; // {constant.Description}");
        }
    }

    private static void RenderPackedStruct(CodeWriter code, string typeName, FormatField field)
    {
        code.Line("typedef struct packed {");
        code.Indent();
        var next = ((int)field.Type * 8) - 1;
        var spare = 0;
        foreach (var bits in field.Bits)
        {
            if (bits.Msb < next)
            {
                code.Line($"logic [{next - bits.Msb - 1}:0] reserved{spare++};");
            }

            code.Line($"logic [{bits.Width - 1}:0] {bits.Name.ToLowerInvariant()};");
            next = bits.Lsb - 1;
        }

        if (next >= 0)
        {
            code.Line($"logic [{next}:0] reserved{spare};");
        }

        code.Outdent();
        code.Line($"}} {typeName};");
    }

    private static void RenderEnum(CodeWriter code, EnumType enumType)
    {
        var maximum = enumType.Values.Max(v => v.Value);
        var width = Math.Max(1, 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)maximum));
        var prefix = Names.UpperSnake(enumType.Name);
        if (enumType.IsFlags)
        {
            foreach (var value in enumType.Values)
            {
                code.Line($"localparam logic [{width - 1}:0] {prefix}_{Names.UpperSnake(value.Name)} = {width}'d{value.Value}; // {value.Description}");
            }

            return;
        }

        code.Line($"typedef enum logic [{width - 1}:0] {{");
        code.Indent();
        for (var i = 0; i < enumType.Values.Count; i++)
        {
            var value = enumType.Values[i];
            var comma = i < enumType.Values.Count - 1 ? "," : "";
            code.Line($"{prefix}_{Names.UpperSnake(value.Name)} = {width}'d{value.Value}{comma} // {value.Description}");
        }

        code.Outdent();
        code.Line($"}} {prefix.ToLowerInvariant()}_e;");
    }
}

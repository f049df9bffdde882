using System.Globalization;
using DetectorDaq.Interfaces.Model;

namespace DetectorDaq.Interfaces.Rendering;

/// <summary>
/// Emits C# that rebuilds the whole <see cref="InterfaceSet"/> as objects, so host tools and the HIL
/// see every register, field, source and value set without reading YAML at run time.
/// </summary>
public static class HostCatalogRenderer
{
    /// <summary>Renders the catalog class for <paramref name="set"/>.</summary>
    public static string Render(InterfaceSet set, string sourcePath)
    {
        var code = new CodeWriter();
        code.Raw(Names.GeneratedHeader("//", sourcePath));
        code.Line("using DetectorDaq.Interfaces.Model;");
        code.Line();
        code.Line("namespace DetectorDaq.Interfaces.Catalog;");
        code.Line();
        code.Line("/// <summary>Every register map and format of fpga-interfaces/, as objects.</summary>");
        code.Open("public static class InterfaceCatalog");
        foreach (var map in set.RegisterMaps)
        {
            code.Line($"/// <summary>{Names.XmlText(map.Title)}.</summary>");
            code.Line($"public static RegisterMap {Names.Pascal(map.Name)} {{ get; }} = new(");
            code.Indent();
            code.Line($"{Quote(map.Name)}, {Quote(map.Title)}, {Quote(map.Datasheet)}, {map.WordBits}, {map.AddressBits}, {map.AddressCount},");
            code.Line("[");
            code.Indent();
            foreach (var register in map.Registers)
            {
                var block = register.Block is { } b ? $"new RegisterBlock({Quote(b.Template)}, {b.Index}, {b.Count}, {Hex(b.BaseAddress)}, {b.Stride})" : "null";
                code.Line($"new Register({Quote(register.Name)}, {Hex(register.Address)}, Access.{register.Access}, {Hex(register.Reset)}, {Hex(register.ResetKnownMask)}, {Quote(register.Description)}, {Quote(register.Source)}, {block}, [");
                code.Indent();
                foreach (var field in register.Fields)
                {
                    code.Line(FieldExpression(field) + ",");
                }

                code.Outdent();
                code.Line("]),");
            }

            code.Outdent();
            code.Line("],");
            code.Line($"[{string.Join(", ", map.Enums.Select(e => e.Name))}],");
            code.Line((map.SpiDescription is null ? "null" : Quote(map.SpiDescription)) + ");");
            code.Outdent();
            code.Line();
        }

        foreach (var format in set.Formats)
        {
            code.Line($"/// <summary>{Names.XmlText(format.Title)}.</summary>");
            code.Line($"public static PacketFormat {Names.Pascal(format.Name)} {{ get; }} = new(");
            code.Indent();
            code.Line($"{Quote(format.Name)}, {Quote(format.Title)}, {Quote(format.Source)}, {(format.BigEndian ? "true" : "false")}, {format.Size},");
            code.Line("[");
            code.Indent();
            foreach (var field in format.Fields)
            {
                var value = field.FixedValue is { } v ? Hex(v) : "null";
                var enumName = field.EnumName is null ? "null" : Quote(field.EnumName);
                code.Line($"new FormatField({Quote(field.Name)}, {field.Offset}, ScalarType.{field.Type}, {Quote(field.Description)}, {value}, {enumName}, [{string.Join(", ", field.Bits.Select(FieldExpression))}]),");
            }

            code.Outdent();
            code.Line("],");
            code.Line($"[{string.Join(", ", format.Constants.Select(c => $"new FormatConstant({Quote(c.Name)}, {c.Value.ToString(CultureInfo.InvariantCulture)}, {Quote(c.Description)})"))}],");
            code.Line($"[{string.Join(", ", format.Enums.Select(e => e.Name))}],");
            code.Line("[");
            code.Indent();
            foreach (var payload in format.Payloads)
            {
                code.Line($"new PayloadLayout({Quote(payload.Name)}, {Quote(payload.Description)}, [");
                code.Indent();
                foreach (var field in payload.Fields)
                {
                    var offset = field.Offset is { } o ? o.ToString(CultureInfo.InvariantCulture) : "null";
                    var enumName = field.EnumName is null ? "null" : Quote(field.EnumName);
                    var repeat = field.RepeatCount is null ? "null" : Quote(field.RepeatCount);
                    code.Line($"new PayloadField({Quote(field.Name)}, {offset}, PayloadFieldType.{field.Type}, {Quote(field.Description)}, {enumName}, {field.MaxLength}, {repeat}, {field.MaxCount}),");
                }

                code.Outdent();
                code.Line("]),");
            }

            code.Outdent();
            code.Line("]);");
            code.Outdent();
            code.Line();
        }

        code.Line("/// <summary>All register maps and formats.</summary>");
        code.Line($"public static InterfaceSet All {{ get; }} = new([{string.Join(", ", set.RegisterMaps.Select(m => Names.Pascal(m.Name)))}], [{string.Join(", ", set.Formats.Select(f => Names.Pascal(f.Name)))}]);");
        foreach (var enumType in set.RegisterMaps.SelectMany(m => m.Enums).Concat(set.Formats.SelectMany(f => f.Enums)))
        {
            code.Line();
            code.Line($"private static EnumType {enumType.Name} => new({Quote(enumType.Name)}, {Quote(enumType.Description)}, {(enumType.IsFlags ? "true" : "false")}, [");
            code.Indent();
            foreach (var value in enumType.Values)
            {
                code.Line($"new EnumValue({Quote(value.Name)}, {value.Value.ToString(CultureInfo.InvariantCulture)}, {Quote(value.Description)}),");
            }

            code.Outdent();
            code.Line("]);");
        }

        code.Close();
        return code.ToString();
    }

    private static string FieldExpression(Field field)
    {
        var enumName = field.EnumName is null ? "null" : Quote(field.EnumName);
        var value = field.FixedValue is { } v ? Hex(v) : "null";
        return $"new Field({Quote(field.Name)}, {field.Lsb}, {field.Width}, Access.{field.Access}, {Quote(field.Description)}, {enumName}, {(field.Confirmed ? "true" : "false")}, {value})";
    }

    private static string Hex(int value) => "0x" + value.ToString("X2", CultureInfo.InvariantCulture);

    private static string Hex(ulong value) => "0x" + value.ToString("X", CultureInfo.InvariantCulture) + "UL";

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text, QuoteOptions);

    private static readonly System.Text.Json.JsonSerializerOptions QuoteOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

using System.Globalization;
using DetectorDaq.Interfaces.Model;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace DetectorDaq.Interfaces.Loading;

/// <summary>
/// Reads <c>fpga-interfaces/registers/*.yaml</c> and <c>fpga-interfaces/formats/*.yaml</c> into the
/// model, expanding repeated registers and rejecting overlapping fields, duplicate addresses,
/// values wider than their fields and references to unknown value sets.
/// </summary>
public static class InterfaceLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>Loads every interface file below <paramref name="interfacesDirectory"/>.</summary>
    public static InterfaceSet LoadDirectory(string interfacesDirectory)
    {
        var maps = Directory.GetFiles(Path.Combine(interfacesDirectory, "registers"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(path => LoadRegisterMap(path, File.ReadAllText(path)))
            .ToList();
        var formats = Directory.GetFiles(Path.Combine(interfacesDirectory, "formats"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(path => LoadFormat(path, File.ReadAllText(path)))
            .ToList();
        var set = new InterfaceSet(maps, formats);
        CheckEnumNamesUnique(set);
        CheckPayloadEnumsExist(set);
        return set;
    }

    /// <summary>Parses one register-map file; <paramref name="origin"/> names it in errors.</summary>
    public static RegisterMap LoadRegisterMap(string origin, string yaml)
    {
        var document = Deserialize<RegisterMapDocument>(origin, yaml);
        var name = Required(document.Name, origin, "name");
        var where = $"{origin} ({name})";
        if (document.WordBits is not (8 or 16 or 32))
        {
            throw new InterfaceDefinitionException($"{where}: word_bits must be 8, 16 or 32, not {document.WordBits}");
        }

        var enums = document.Enums.Select(e => ToEnum(e, where)).ToList();
        var registers = new List<Register>();
        foreach (var registerDocument in document.Registers)
        {
            registers.AddRange(ExpandRegister(registerDocument, document.WordBits, enums, where));
        }

        CheckAddresses(registers, document.AddressCount, where);
        return new RegisterMap(
            name,
            Required(document.Title, where, "title"),
            Required(document.Datasheet, where, "datasheet"),
            document.WordBits,
            document.AddressBits,
            document.AddressCount,
            registers.OrderBy(register => register.Address).ToList(),
            enums,
            document.Spi?.Description?.Trim());
    }

    /// <summary>Parses one format file; <paramref name="origin"/> names it in errors.</summary>
    public static PacketFormat LoadFormat(string origin, string yaml)
    {
        var document = Deserialize<FormatDocument>(origin, yaml);
        var name = Required(document.Name, origin, "name");
        var where = $"{origin} ({name})";
        var bigEndian = document.ByteOrder switch
        {
            "big" => true,
            "little" => false,
            _ => throw new InterfaceDefinitionException($"{where}: byte_order must be 'big' or 'little'"),
        };
        var enums = document.Enums.Select(e => ToEnum(e, where)).ToList();
        var fields = document.Fields.Select(f => ToFormatField(f, where, document.Size)).OrderBy(f => f.Offset).ToList();
        for (var i = 1; i < fields.Count; i++)
        {
            if (fields[i - 1].Offset + (int)fields[i - 1].Type > fields[i].Offset)
            {
                throw new InterfaceDefinitionException($"{where}: fields {fields[i - 1].Name} and {fields[i].Name} overlap");
            }
        }

        var constants = document.Constants
            .Select(c => new FormatConstant(Required(c.Name, where, "constant name"), (long)ParseNumber(c.Value, where, c.Name ?? "?"), Required(c.Description, where, $"{c.Name}.description")))
            .ToList();
        var payloads = document.Payloads.Select(p => ToPayload(p, where)).ToList();
        return new PacketFormat(name, Required(document.Title, where, "title"), Required(document.Source, where, "source"), bigEndian, document.Size, fields, constants, enums, payloads);
    }

    private static PayloadLayout ToPayload(PayloadDocument document, string where)
    {
        var name = Required(document.Name, where, "payload name");
        var at = $"{where} payload {name}";
        var fields = new List<PayloadField>();
        var next = 0;
        foreach (var field in document.Fields)
        {
            var fieldName = Required(field.Name, at, "field name");
            var fieldAt = $"{at} field {fieldName}";
            if (!PayloadFieldTypes.TryParse(field.Type, out var type))
            {
                throw new InterfaceDefinitionException($"{fieldAt}: type must be u8, u16, u32, u64, i32, ipv4 or text");
            }

            if (field.Offset is { } offset && (next < 0 || offset != next))
            {
                throw new InterfaceDefinitionException($"{fieldAt}: offset {offset} does not follow the previous field (expected {(next < 0 ? "none: it follows a variable-length field" : next.ToString(CultureInfo.InvariantCulture))})");
            }

            if (field.Offset is null && next >= 0)
            {
                throw new InterfaceDefinitionException($"{fieldAt}: offset missing; it is {next}");
            }

            if (type == PayloadFieldType.Text && field.MaxLength is < 1 or > 255)
            {
                throw new InterfaceDefinitionException($"{fieldAt}: a text needs max_length 1 to 255");
            }

            if (field.Repeat is not null && fields.All(f => f.Name != field.Repeat))
            {
                throw new InterfaceDefinitionException($"{fieldAt}: repeat names '{field.Repeat}', which is not an earlier field");
            }

            var variable = type == PayloadFieldType.Text || field.Repeat is not null;
            next = variable || next < 0 ? -1 : next + type.FixedSize()!.Value;
            fields.Add(new PayloadField(fieldName, field.Offset, type, Required(field.Description, fieldAt, "description"), field.Enum, field.MaxLength, field.Repeat, field.MaxCount));
        }

        return new PayloadLayout(name, Required(document.Description, at, "description"), fields);
    }

    private static T Deserialize<T>(string origin, string yaml)
    {
        try
        {
            return Deserializer.Deserialize<T>(yaml) ?? throw new InterfaceDefinitionException($"{origin}: file is empty");
        }
        catch (YamlException exception)
        {
            throw new InterfaceDefinitionException($"{origin}: line {exception.Start.Line}: {exception.InnerException?.Message ?? exception.Message}", exception);
        }
    }

    private static IEnumerable<Register> ExpandRegister(RegisterDocument document, int wordBits, List<EnumType> enums, string where)
    {
        var template = Required(document.Name, where, "register name");
        var at = $"{where} register {template}";
        if (!AccessNames.TryParse(document.Access ?? "", out var access))
        {
            throw new InterfaceDefinitionException($"{at}: access must be ro, rw, wo or w1");
        }

        var wordMask = (1UL << wordBits) - 1;
        var reset = ParseNumber(document.Reset, at, "reset");
        if ((reset & ~wordMask) != 0)
        {
            throw new InterfaceDefinitionException($"{at}: reset 0x{reset:X} is wider than {wordBits} bits");
        }

        var fields = document.Fields.Select(f => ToField(f, access, wordBits, enums, at)).OrderByDescending(f => f.Lsb).ToList();
        CheckFieldsDisjoint(fields, at);
        var baseAddress = (int)ParseNumber(document.Address, at, "address");
        var resetKnownMask = document.ResetKnownMask is null ? wordMask : ParseNumber(document.ResetKnownMask, at, "reset_known_mask");
        var description = Required(document.Description, at, "description");
        var source = Required(document.Source, at, "source");
        if (document.Repeat is null)
        {
            if (template.Contains("{n}", StringComparison.Ordinal))
            {
                throw new InterfaceDefinitionException($"{at}: '{{n}}' in a name needs a repeat entry");
            }

            yield return new Register(template, baseAddress, access, reset, resetKnownMask, description, source, null, fields);
            yield break;
        }

        if (!template.Contains("{n}", StringComparison.Ordinal) || document.Repeat.Count < 1 || document.Repeat.Stride < 1)
        {
            throw new InterfaceDefinitionException($"{at}: a repeated register needs '{{n}}' in its name and a positive count and stride");
        }

        for (var index = 0; index < document.Repeat.Count; index++)
        {
            var block = new RegisterBlock(template, index, document.Repeat.Count, baseAddress, document.Repeat.Stride);
            yield return new Register(
                template.Replace("{n}", index.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
                baseAddress + (index * document.Repeat.Stride),
                access,
                reset,
                resetKnownMask,
                description.Replace("channel n", $"channel {index}", StringComparison.Ordinal),
                source,
                block,
                fields);
        }
    }

    private static Field ToField(FieldDocument document, Access registerAccess, int wordBits, List<EnumType> enums, string at)
    {
        var name = Required(document.Name, at, "field name");
        var fieldAt = $"{at} field {name}";
        if (document.Lsb < 0 || document.Width < 1 || document.Lsb + document.Width > wordBits)
        {
            throw new InterfaceDefinitionException($"{fieldAt}: bits {document.Lsb}+{document.Width} do not fit a {wordBits}-bit word");
        }

        var access = registerAccess;
        if (document.Access is not null && !AccessNames.TryParse(document.Access, out access))
        {
            throw new InterfaceDefinitionException($"{fieldAt}: access must be ro, rw, wo or w1");
        }

        if (document.Enum is not null && enums.All(e => e.Name != document.Enum))
        {
            throw new InterfaceDefinitionException($"{fieldAt}: unknown enum '{document.Enum}'");
        }

        ulong? fixedValue = document.Value is null ? null : ParseNumber(document.Value, fieldAt, "value");
        var limit = document.Width == 64 ? ulong.MaxValue : (1UL << document.Width) - 1;
        if (fixedValue > limit)
        {
            throw new InterfaceDefinitionException($"{fieldAt}: value 0x{fixedValue:X} does not fit {document.Width} bits");
        }

        return new Field(name, document.Lsb, document.Width, access, Required(document.Description, fieldAt, "description").Trim(), document.Enum, document.Confirmed, fixedValue);
    }

    private static FormatField ToFormatField(FormatFieldDocument document, string where, int size)
    {
        var name = Required(document.Name, where, "field name");
        var at = $"{where} field {name}";
        var type = document.Type switch
        {
            "u8" => ScalarType.U8,
            "u16" => ScalarType.U16,
            "u32" => ScalarType.U32,
            "u64" => ScalarType.U64,
            _ => throw new InterfaceDefinitionException($"{at}: type must be u8, u16, u32 or u64"),
        };
        if (document.Offset < 0 || document.Offset + (int)type > size || document.Offset % (int)type != 0)
        {
            throw new InterfaceDefinitionException($"{at}: offset {document.Offset} is outside the {size}-byte header or not aligned to its type");
        }

        var bits = document.Bits.Select(b => ToField(b, Access.ReadOnly, (int)type * 8, [], at)).OrderByDescending(f => f.Lsb).ToList();
        CheckFieldsDisjoint(bits, at);
        ulong? fixedValue = document.Value is null ? null : ParseNumber(document.Value, at, "value");
        return new FormatField(name, document.Offset, type, Required(document.Description, at, "description").Trim(), fixedValue, document.Enum, bits);
    }

    private static EnumType ToEnum(EnumDocument document, string where)
    {
        var name = Required(document.Name, where, "enum name");
        var values = document.Values
            .Select(v => new EnumValue(Required(v.Name, where, $"{name} value name"), (long)ParseNumber(v.Value, where, $"{name}.{v.Name}"), Required(v.Description, where, $"{name}.{v.Name} description")))
            .ToList();
        if (values.Select(v => v.Value).Distinct().Count() != values.Count)
        {
            throw new InterfaceDefinitionException($"{where}: enum {name} has duplicate values");
        }

        return new EnumType(name, Required(document.Description, where, $"{name} description"), document.Flags, values);
    }

    private static void CheckFieldsDisjoint(List<Field> fields, string at)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            for (var j = i + 1; j < fields.Count; j++)
            {
                if ((fields[i].Mask & fields[j].Mask) != 0)
                {
                    throw new InterfaceDefinitionException($"{at}: fields {fields[i].Name} and {fields[j].Name} overlap");
                }
            }
        }
    }

    private static void CheckAddresses(List<Register> registers, int addressCount, string where)
    {
        foreach (var duplicate in registers.GroupBy(r => r.Address).Where(g => g.Count() > 1))
        {
            throw new InterfaceDefinitionException($"{where}: address 0x{duplicate.Key:X2} is used by {string.Join(" and ", duplicate.Select(r => r.Name))}");
        }

        foreach (var register in registers.Where(r => r.Address < 0 || r.Address >= addressCount))
        {
            throw new InterfaceDefinitionException($"{where}: register {register.Name} address 0x{register.Address:X} is outside 0..{addressCount - 1}");
        }
    }

    private static void CheckEnumNamesUnique(InterfaceSet set)
    {
        var names = set.RegisterMaps.SelectMany(m => m.Enums).Concat(set.Formats.SelectMany(f => f.Enums)).Select(e => e.Name);
        foreach (var duplicate in names.GroupBy(n => n).Where(g => g.Count() > 1))
        {
            throw new InterfaceDefinitionException($"enum name '{duplicate.Key}' is defined more than once; enum names must be unique across interface files");
        }
    }

    private static void CheckPayloadEnumsExist(InterfaceSet set)
    {
        var known = set.RegisterMaps.SelectMany(m => m.Enums).Concat(set.Formats.SelectMany(f => f.Enums)).Select(e => e.Name).ToHashSet();
        foreach (var format in set.Formats)
        {
            foreach (var payload in format.Payloads)
            {
                foreach (var field in payload.Fields.Where(f => f.EnumName is not null && !known.Contains(f.EnumName)))
                {
                    throw new InterfaceDefinitionException($"{format.Name} payload {payload.Name} field {field.Name}: unknown enum '{field.EnumName}'");
                }
            }
        }
    }

    private static ulong ParseNumber(string? text, string at, string what)
    {
        if (text is null)
        {
            throw new InterfaceDefinitionException($"{at}: {what} is missing");
        }

        var parsed = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.TryParse(text.AsSpan(2).ToString().Replace("_", "", StringComparison.Ordinal), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value)
            : ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        return parsed ? value : throw new InterfaceDefinitionException($"{at}: {what} '{text}' is not a number");
    }

    private static string Required(string? value, string at, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new InterfaceDefinitionException($"{at}: {what} is missing") : value.Trim();
}

using System.Globalization;
using System.Text;
using DetectorDaq.Interfaces.Model;

namespace DetectorDaq.Interfaces.Rendering;

/// <summary>
/// Emits constants and enums for the firmware core. The output compiles against nanoFramework's
/// mscorlib with C# 9: block namespaces, no generics, no collection types, primitive arrays only.
/// </summary>
public static class FirmwareCSharpRenderer
{
    /// <summary>Namespace of all generated firmware types.</summary>
    public const string Namespace = "DetectorDaq.Firmware.Interfaces";

    /// <summary>Constants class of a register map.</summary>
    public static string RenderRegisterMap(RegisterMap map, string sourcePath)
    {
        var word = Names.UnsignedType(map.WordBits);
        var className = Names.Pascal(map.Name) + "Registers";
        var code = new CodeWriter();
        BeginFile(code, sourcePath);
        code.Line($"/// <summary>{Names.XmlText(map.Title)} register map. Source: {Names.XmlText(map.Datasheet)}.</summary>");
        code.Open($"public static class {className}");
        code.Line("/// <summary>Register width in bits.</summary>");
        code.Line($"public const int WordBits = {map.WordBits};");
        code.Line("/// <summary>Number of addresses the access protocol reaches.</summary>");
        code.Line($"public const int AddressCount = {map.AddressCount};");
        foreach (var register in map.Registers.Where(r => r.Block is null || r.Block.Index == 0))
        {
            RenderRegisterConstants(code, register, map.WordBits, word);
        }

        RenderTable(code, map, word, "ResetValues", r => r.Reset, "Reset value of each address (0 where reserved).");
        RenderTable(code, map, word, "WritableMasks", r => r.WritableMask, "Bits software may write at each address (0 where reserved or read-only).");
        code.Line("/// <summary>True where the address holds a register of this map.</summary>");
        code.Line($"public static bool IsDefined(int address) => address >= 0 && address < AddressCount && DefinedAddresses[address];");
        code.Line("/// <summary>Reset value at <paramref name=\"address\"/>.</summary>");
        code.Line($"public static {word} ResetValue(int address) => ResetValues[address];");
        code.Line("/// <summary>Writable bits at <paramref name=\"address\"/>.</summary>");
        code.Line($"public static {word} WritableMask(int address) => WritableMasks[address];");
        var defined = Enumerable.Range(0, map.AddressCount).Select(a => map.FindByAddress(a) is null ? "false" : "true");
        code.Line("private static readonly bool[] DefinedAddresses = new bool[]");
        code.Line("{");
        foreach (var chunk in defined.Chunk(8))
        {
            code.Line("    " + string.Join(", ", chunk) + ",");
        }

        code.Line("};");
        code.Close();
        EndFile(code);
        return code.ToString();
    }

    /// <summary>Constants class of a packet or FIFO format.</summary>
    public static string RenderFormat(PacketFormat format, string sourcePath)
    {
        var code = new CodeWriter();
        BeginFile(code, sourcePath);
        code.Line($"/// <summary>{Names.XmlText(format.Title)}. Source: {Names.XmlText(format.Source)}. {(format.BigEndian ? "Big" : "Little")}-endian.</summary>");
        code.Open($"public static class {Names.Pascal(format.Name)}Format");
        code.Line("/// <summary>Header size in bytes.</summary>");
        code.Line($"public const int Size = {format.Size};");
        code.Line("/// <summary>True when multi-byte fields are big-endian.</summary>");
        code.Line($"public const bool IsBigEndian = {(format.BigEndian ? "true" : "false")};");
        foreach (var field in format.Fields)
        {
            var name = Names.Pascal(field.Name);
            var type = Names.UnsignedType((int)field.Type * 8);
            code.Line($"/// <summary>{field.Name}: {Names.XmlText(field.Description)} Byte offset of a {(int)field.Type * 8}-bit field.</summary>");
            code.Line($"public const int {name}Offset = {field.Offset};");
            if (field.FixedValue is { } value)
            {
                code.Line($"/// <summary>Value {field.Name} always holds.</summary>");
                code.Line($"public const {type} {name}Value = {Names.Hex(value, (int)field.Type * 8)};");
            }

            foreach (var bits in field.Bits)
            {
                RenderFieldConstants(code, name + Names.Pascal(bits.Name), bits, type, (int)field.Type * 8);
            }
        }

        foreach (var payload in format.Payloads)
        {
            RenderPayloadConstants(code, payload);
        }

        foreach (var constant in format.Constants)
        {
            code.Line($"/// <summary>{Names.XmlText(constant.Description)}</summary>");
            var type = constant.Value is >= int.MinValue and <= int.MaxValue ? "int" : "long";
            code.Line($"public const {type} {Names.Pascal(constant.Name)} = {constant.Value.ToString(CultureInfo.InvariantCulture)};");
        }

        code.Close();
        EndFile(code);
        return code.ToString();
    }

    /// <summary>One enum of a value set.</summary>
    public static string RenderEnum(EnumType enumType, string sourcePath)
    {
        var maximum = enumType.Values.Max(v => v.Value);
        var underlying = maximum <= byte.MaxValue ? "byte" : maximum <= ushort.MaxValue ? "ushort" : "uint";
        var code = new CodeWriter();
        BeginFile(code, sourcePath);
        code.Line($"/// <summary>{Names.XmlText(enumType.Description)}</summary>");
        if (enumType.IsFlags)
        {
            code.Line("[System.Flags]");
        }

        code.Open($"public enum {enumType.Name} : {underlying}");
        foreach (var value in enumType.Values)
        {
            code.Line($"/// <summary>{Names.XmlText(value.Description)}</summary>");
            code.Line($"{value.Name} = {value.Value.ToString(CultureInfo.InvariantCulture)},");
        }

        code.Close();
        EndFile(code);
        return code.ToString();
    }

    private static void RenderPayloadConstants(CodeWriter code, PayloadLayout payload)
    {
        var prefix = Names.Pascal(payload.Name);
        if (payload.FixedSize is { } size)
        {
            code.Line($"/// <summary>Size of the {payload.Name} payload in bytes. {Names.XmlText(payload.Description)}</summary>");
            code.Line($"public const int {prefix}Size = {size};");
        }

        foreach (var field in payload.Fields)
        {
            var name = prefix + Names.Pascal(field.Name);
            if (field.Offset is { } offset)
            {
                code.Line($"/// <summary>{payload.Name}.{field.Name} ({field.Type.ShortName()}): {Names.XmlText(field.Description)} Byte offset.</summary>");
                code.Line($"public const int {name}Offset = {offset};");
            }

            if (field.Type == PayloadFieldType.Text)
            {
                code.Line($"/// <summary>Longest {payload.Name}.{field.Name} text, characters.</summary>");
                code.Line($"public const int {name}MaxLength = {field.MaxLength};");
            }

            if (field.RepeatCount is not null)
            {
                code.Line($"/// <summary>Most repetitions of {payload.Name}.{field.Name}.</summary>");
                code.Line($"public const int {name}MaxCount = {field.MaxCount};");
            }
        }
    }

    private static void RenderRegisterConstants(CodeWriter code, Register register, int wordBits, string word)
    {
        var block = register.Block;
        var name = Names.Pascal(block?.Template ?? register.Name);
        var label = block?.Template ?? register.Name;
        var summary = $"{label} ({register.Access.ToShortName()}): {Names.XmlText(register.Description)} Source: {Names.XmlText(register.Source)}.";
        if (block is null)
        {
            code.Line($"/// <summary>Address of {summary}</summary>");
            code.Line($"public const int {name}Address = {Names.Hex((ulong)register.Address, 8)};");
        }
        else
        {
            code.Line($"/// <summary>Address of instance 0 of {summary}</summary>");
            code.Line($"public const int {name}BaseAddress = {Names.Hex((ulong)block.BaseAddress, 8)};");
            code.Line($"/// <summary>Address step between instances of {label}.</summary>");
            code.Line($"public const int {name}Stride = {block.Stride};");
            code.Line($"/// <summary>Number of instances of {label}.</summary>");
            code.Line($"public const int {name}Count = {block.Count};");
            code.Line($"/// <summary>Address of instance <paramref name=\"index\"/> (0 to {block.Count - 1}) of {label}.</summary>");
            code.Line($"public static int {name}Address(int index) => {name}BaseAddress + ({name}Stride * index);");
        }

        code.Line($"/// <summary>Reset value of {label}.</summary>");
        code.Line($"public const {word} {name}Reset = {Names.Hex(register.Reset, wordBits)};");
        foreach (var field in register.Fields)
        {
            RenderFieldConstants(code, name + Names.Pascal(field.Name), field, word, wordBits);
        }
    }

    private static void RenderFieldConstants(CodeWriter code, string name, Field field, string word, int wordBits)
    {
        var unconfirmed = field.Confirmed ? "" : " Unconfirmed by the datasheet text.";
        code.Line($"/// <summary>{field.Name} [{field.Msb}:{field.Lsb}]: {Names.XmlText(field.Description)}{unconfirmed}</summary>");
        code.Line($"public const int {name}Shift = {field.Lsb};");
        code.Line($"/// <summary>Mask of {field.Name} in place.</summary>");
        code.Line($"public const {word} {name}Mask = {Names.Hex(field.Mask, wordBits)};");
        if (field.FixedValue is { } value)
        {
            code.Line($"/// <summary>Value {field.Name} holds (before shifting).</summary>");
            code.Line($"public const {word} {name}Value = {Names.Hex(value, field.Width)};");
        }
    }

    private static void RenderTable(CodeWriter code, RegisterMap map, string word, string name, Func<Register, ulong> select, string summary)
    {
        code.Line($"// {summary}");
        code.Line($"private static readonly {word}[] {name} = new {word}[]");
        code.Line("{");
        var values = Enumerable.Range(0, map.AddressCount).Select(a => map.FindByAddress(a) is { } r ? Names.Hex(select(r), map.WordBits) : Names.Hex(0, map.WordBits));
        foreach (var chunk in values.Chunk(8))
        {
            code.Line("    " + string.Join(", ", chunk) + ",");
        }

        code.Line("};");
    }

    private static void BeginFile(CodeWriter code, string sourcePath)
    {
        code.Raw(Names.GeneratedHeader("//", sourcePath));
        code.Open($"namespace {Namespace}");
    }

    private static void EndFile(CodeWriter code) => code.Close();
}

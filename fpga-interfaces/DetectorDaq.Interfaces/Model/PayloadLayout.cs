namespace DetectorDaq.Interfaces.Model;

/// <summary>Layout of one message payload of a <see cref="PacketFormat"/>.</summary>
/// <param name="Name">Payload name (<c>CONFIGURE_REQUEST</c>).</param>
/// <param name="Description">Which message carries it.</param>
/// <param name="Fields">Fields in wire order.</param>
public sealed record PayloadLayout(string Name, string Description, IReadOnlyList<PayloadField> Fields)
{
    /// <summary>Size in bytes when every field has a fixed offset and size, otherwise null.</summary>
    public int? FixedSize =>
        Fields.All(item => item.Offset is not null && item.Type.FixedSize() is not null && item.RepeatCount is null)
            ? Fields.Max(item => item.Offset!.Value + item.Type.FixedSize()!.Value)
            : null;
}

/// <summary>A field of a <see cref="PayloadLayout"/>.</summary>
/// <param name="Name">Field name.</param>
/// <param name="Offset">Byte offset, or null when it follows a variable-length field.</param>
/// <param name="Type">Wire type.</param>
/// <param name="Description">Meaning and unit.</param>
/// <param name="EnumName">Value set, or null.</param>
/// <param name="MaxLength">Longest text, characters (text fields), else 0.</param>
/// <param name="RepeatCount">Name of the field that counts the repetitions, or null.</param>
/// <param name="MaxCount">Most repetitions (repeated fields), else 0.</param>
public sealed record PayloadField(string Name, int? Offset, PayloadFieldType Type, string Description, string? EnumName, int MaxLength, string? RepeatCount, int MaxCount);

/// <summary>Wire types of payload fields.</summary>
public enum PayloadFieldType
{
    /// <summary>8-bit unsigned.</summary>
    U8,

    /// <summary>16-bit unsigned.</summary>
    U16,

    /// <summary>32-bit unsigned.</summary>
    U32,

    /// <summary>64-bit unsigned.</summary>
    U64,

    /// <summary>32-bit two's complement.</summary>
    I32,

    /// <summary>IPv4 address, four bytes in dotted order.</summary>
    Ipv4,

    /// <summary>u8 length followed by that many printable ASCII bytes.</summary>
    Text,
}

/// <summary>Names and sizes of <see cref="PayloadFieldType"/>.</summary>
public static class PayloadFieldTypes
{
    /// <summary>Bytes the type occupies, or null for text.</summary>
    public static int? FixedSize(this PayloadFieldType type) => type switch
    {
        PayloadFieldType.U8 => 1,
        PayloadFieldType.U16 => 2,
        PayloadFieldType.U32 or PayloadFieldType.I32 or PayloadFieldType.Ipv4 => 4,
        PayloadFieldType.U64 => 8,
        _ => null,
    };

    /// <summary>The YAML name of the type.</summary>
    public static string ShortName(this PayloadFieldType type) => type.ToString().ToLowerInvariant();

    /// <summary>Parses a YAML type name.</summary>
    public static bool TryParse(string? text, out PayloadFieldType type) =>
        Enum.TryParse(text, ignoreCase: true, out type) && Enum.IsDefined(type) && !int.TryParse(text, out _);
}

namespace DetectorDaq.Interfaces.Model;

/// <summary>A wire or FIFO format: a fixed header of typed fields plus constants and value sets.</summary>
/// <param name="Name">snake_case identifier (<c>udp_data_packet</c>).</param>
/// <param name="Title">One-line description.</param>
/// <param name="Source">Where the format is specified.</param>
/// <param name="BigEndian">True for big-endian multi-byte fields.</param>
/// <param name="Size">Header size in bytes.</param>
/// <param name="Fields">Header fields in offset order.</param>
/// <param name="Constants">Named numbers belonging to the format.</param>
/// <param name="Enums">Value sets used by fields or payloads.</param>
/// <param name="Payloads">Payload layouts of the messages, where the format has any.</param>
public sealed record PacketFormat(
    string Name,
    string Title,
    string Source,
    bool BigEndian,
    int Size,
    IReadOnlyList<FormatField> Fields,
    IReadOnlyList<FormatConstant> Constants,
    IReadOnlyList<EnumType> Enums,
    IReadOnlyList<PayloadLayout> Payloads);

/// <summary>A header field of a <see cref="PacketFormat"/>.</summary>
/// <param name="Name">Field name.</param>
/// <param name="Offset">Byte offset from the start of the header.</param>
/// <param name="Type">Scalar type.</param>
/// <param name="Description">Meaning.</param>
/// <param name="FixedValue">Value the field always holds, or null.</param>
/// <param name="EnumName">Value set, or null.</param>
/// <param name="Bits">Bit fields within the value, or empty.</param>
public sealed record FormatField(
    string Name,
    int Offset,
    ScalarType Type,
    string Description,
    ulong? FixedValue,
    string? EnumName,
    IReadOnlyList<Field> Bits);

/// <summary>A named constant of a <see cref="PacketFormat"/>.</summary>
/// <param name="Name">Name.</param>
/// <param name="Value">Value.</param>
/// <param name="Description">Meaning and unit.</param>
public sealed record FormatConstant(string Name, long Value, string Description);

namespace DetectorDaq.Interfaces.Loading;

// Shapes of the YAML files as written by people; InterfaceLoader validates them into the model.
#pragma warning disable CS1591
public sealed class RegisterMapDocument
{
    public string? Name { get; set; }
    public string? Title { get; set; }
    public string? Datasheet { get; set; }
    public int WordBits { get; set; }
    public int AddressBits { get; set; }
    public int AddressCount { get; set; }
    public List<RegisterDocument> Registers { get; set; } = [];
    public List<EnumDocument> Enums { get; set; } = [];
    public SpiDocument? Spi { get; set; }
}

public sealed class RegisterDocument
{
    public string? Name { get; set; }
    public string? Address { get; set; }
    public string? Access { get; set; }
    public string? Reset { get; set; }
    public string? ResetKnownMask { get; set; }
    public string? Description { get; set; }
    public string? Source { get; set; }
    public RepeatDocument? Repeat { get; set; }
    public List<FieldDocument> Fields { get; set; } = [];
}

public sealed class RepeatDocument
{
    public int Count { get; set; }
    public int Stride { get; set; }
}

public sealed class FieldDocument
{
    public string? Name { get; set; }
    public int Lsb { get; set; } = -1;
    public int Width { get; set; }
    public string? Access { get; set; }
    public string? Description { get; set; }
    public string? Enum { get; set; }
    public bool Confirmed { get; set; } = true;
    public string? Value { get; set; }
}

public sealed class EnumDocument
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public bool Flags { get; set; }
    public List<EnumValueDocument> Values { get; set; } = [];
}

public sealed class EnumValueDocument
{
    public string? Name { get; set; }
    public string? Value { get; set; }
    public string? Description { get; set; }
}

public sealed class SpiDocument
{
    public string? Description { get; set; }
    public string? ReadFlag { get; set; }
}

public sealed class FormatDocument
{
    public string? Name { get; set; }
    public string? Title { get; set; }
    public string? Source { get; set; }
    public string? ByteOrder { get; set; }
    public int Size { get; set; }
    public List<FormatFieldDocument> Fields { get; set; } = [];
    public List<ConstantDocument> Constants { get; set; } = [];
    public List<EnumDocument> Enums { get; set; } = [];
    public List<PayloadDocument> Payloads { get; set; } = [];
}

public sealed class PayloadDocument
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public List<PayloadFieldDocument> Fields { get; set; } = [];
}

public sealed class PayloadFieldDocument
{
    public string? Name { get; set; }
    public int? Offset { get; set; }
    public string? Type { get; set; }
    public string? Description { get; set; }
    public string? Enum { get; set; }
    public int MaxLength { get; set; }
    public string? Repeat { get; set; }
    public int MaxCount { get; set; }
}

public sealed class FormatFieldDocument
{
    public string? Name { get; set; }
    public int Offset { get; set; } = -1;
    public string? Type { get; set; }
    public string? Description { get; set; }
    public string? Value { get; set; }
    public string? Enum { get; set; }
    public List<FieldDocument> Bits { get; set; } = [];
}

public sealed class ConstantDocument
{
    public string? Name { get; set; }
    public string? Value { get; set; }
    public string? Description { get; set; }
}
#pragma warning restore CS1591

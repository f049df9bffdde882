namespace DetectorDaq.Interfaces.Model;

/// <summary>A bit field of a register or of a word in a packet format.</summary>
/// <param name="Name">Datasheet name.</param>
/// <param name="Lsb">Least significant bit position.</param>
/// <param name="Width">Width in bits.</param>
/// <param name="Access">Access of the field (the register's unless the source says otherwise).</param>
/// <param name="Description">Meaning of the field.</param>
/// <param name="EnumName">Name of the value set, or null.</param>
/// <param name="Confirmed">False where the source text did not settle the field.</param>
/// <param name="FixedValue">Value the field always holds (markers), or null.</param>
public sealed record Field(
    string Name,
    int Lsb,
    int Width,
    Access Access,
    string Description,
    string? EnumName,
    bool Confirmed,
    ulong? FixedValue)
{
    /// <summary>The field's bits within the word.</summary>
    public ulong Mask => (Width == 64 ? ulong.MaxValue : (1UL << Width) - 1) << Lsb;

    /// <summary>Most significant bit position.</summary>
    public int Msb => Lsb + Width - 1;
}

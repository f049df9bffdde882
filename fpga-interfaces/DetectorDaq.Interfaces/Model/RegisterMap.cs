namespace DetectorDaq.Interfaces.Model;

/// <summary>A chip's or the FPGA's register map as described in <c>fpga-interfaces/registers/*.yaml</c>.</summary>
/// <param name="Name">Lower-case identifier used on the command line (<c>ads131m08</c>).</param>
/// <param name="Title">One-line description of the part.</param>
/// <param name="Datasheet">The document the map is taken from.</param>
/// <param name="WordBits">Register width in bits (16 or 32).</param>
/// <param name="AddressBits">Width of the address field in the access protocol.</param>
/// <param name="AddressCount">Number of addresses the access protocol can reach.</param>
/// <param name="Registers">Registers with repeated blocks already expanded, in address order.</param>
/// <param name="Enums">Value sets referenced by fields.</param>
/// <param name="SpiDescription">How registers are reached over SPI, where the map defines it.</param>
public sealed record RegisterMap(
    string Name,
    string Title,
    string Datasheet,
    int WordBits,
    int AddressBits,
    int AddressCount,
    IReadOnlyList<Register> Registers,
    IReadOnlyList<EnumType> Enums,
    string? SpiDescription)
{
    /// <summary>The register at <paramref name="address"/>, or null for a reserved address.</summary>
    public Register? FindByAddress(int address) => Registers.FirstOrDefault(register => register.Address == address);

    /// <summary>The register named <paramref name="name"/> (case-insensitive), or null.</summary>
    public Register? FindByName(string name) =>
        Registers.FirstOrDefault(register => string.Equals(register.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Mask of all bits of one register word.</summary>
    public ulong WordMask => WordBits == 64 ? ulong.MaxValue : (1UL << WordBits) - 1;
}

namespace DetectorDaq.Interfaces.Model;

/// <summary>Everything in <c>fpga-interfaces/</c>: register maps and formats, in file-name order.</summary>
/// <param name="RegisterMaps">Register maps.</param>
/// <param name="Formats">Wire and FIFO formats.</param>
public sealed record InterfaceSet(IReadOnlyList<RegisterMap> RegisterMaps, IReadOnlyList<PacketFormat> Formats)
{
    /// <summary>The register map named <paramref name="name"/> (case-insensitive), or null.</summary>
    public RegisterMap? FindRegisterMap(string name) =>
        RegisterMaps.FirstOrDefault(map => string.Equals(map.Name, name, StringComparison.OrdinalIgnoreCase));
}

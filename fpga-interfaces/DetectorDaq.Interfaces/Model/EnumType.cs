namespace DetectorDaq.Interfaces.Model;

/// <summary>A named value set used by fields (register fields, packet fields).</summary>
/// <param name="Name">PascalCase name, unique across all interface files.</param>
/// <param name="Description">What the values select.</param>
/// <param name="IsFlags">True when values combine bitwise.</param>
/// <param name="Values">The values.</param>
public sealed record EnumType(string Name, string Description, bool IsFlags, IReadOnlyList<EnumValue> Values);

/// <summary>One value of an <see cref="EnumType"/>.</summary>
/// <param name="Name">PascalCase name.</param>
/// <param name="Value">Numeric value.</param>
/// <param name="Description">Meaning.</param>
public sealed record EnumValue(string Name, long Value, string Description);

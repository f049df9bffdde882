namespace DetectorDaq.Interfaces.Model;

/// <summary>One register of a <see cref="RegisterMap"/>.</summary>
/// <param name="Name">Datasheet name, with the channel index substituted for repeated registers.</param>
/// <param name="Address">Register address.</param>
/// <param name="Access">Register access (<see cref="Access"/>).</param>
/// <param name="Reset">Value after reset.</param>
/// <param name="ResetKnownMask">Bits whose reset value the source defines; the others vary between parts.</param>
/// <param name="Description">What the register does.</param>
/// <param name="Source">Datasheet and section the entry is taken from.</param>
/// <param name="Block">The repeated block this register belongs to, or null.</param>
/// <param name="Fields">Bit fields, most significant first. Bits in no field are reserved.</param>
public sealed record Register(
    string Name,
    int Address,
    Access Access,
    ulong Reset,
    ulong ResetKnownMask,
    string Description,
    string Source,
    RegisterBlock? Block,
    IReadOnlyList<Field> Fields)
{
    /// <summary>Bits covered by some field.</summary>
    public ulong DefinedMask => Fields.Aggregate(0UL, (mask, item) => mask | item.Mask);

    /// <summary>Bits a register write may set: those of writable fields.</summary>
    public ulong WritableMask => Fields.Where(item => item.Access.IsWritable()).Aggregate(0UL, (mask, item) => mask | item.Mask);
}

/// <summary>Membership of a register in a block repeated per channel.</summary>
/// <param name="Template">Name with <c>{n}</c> for the index (<c>CH{n}_CFG</c>).</param>
/// <param name="Index">Index of this instance, from 0.</param>
/// <param name="Count">Instances in the block.</param>
/// <param name="BaseAddress">Address of instance 0.</param>
/// <param name="Stride">Address step between instances.</param>
public sealed record RegisterBlock(string Template, int Index, int Count, int BaseAddress, int Stride);

namespace DetectorDaq.Interfaces.Model;

/// <summary>How software may access a register or field.</summary>
public enum Access
{
    /// <summary>Read only.</summary>
    ReadOnly,

    /// <summary>Read and write.</summary>
    ReadWrite,

    /// <summary>Write only (reads return nothing meaningful).</summary>
    WriteOnly,

    /// <summary>Write 1 to trigger an action; reads as 0.</summary>
    WriteOneToTrigger,
}

/// <summary>Conversions between <see cref="Access"/> and its short names in the YAML sources.</summary>
public static class AccessNames
{
    /// <summary>Parses <c>ro</c>, <c>rw</c>, <c>wo</c> or <c>w1</c>.</summary>
    public static bool TryParse(string text, out Access access)
    {
        switch (text)
        {
            case "ro": access = Access.ReadOnly; return true;
            case "rw": access = Access.ReadWrite; return true;
            case "wo": access = Access.WriteOnly; return true;
            case "w1": access = Access.WriteOneToTrigger; return true;
            default: access = Access.ReadOnly; return false;
        }
    }

    /// <summary>The short name used in YAML, JSON and docs.</summary>
    public static string ToShortName(this Access access) => access switch
    {
        Access.ReadOnly => "ro",
        Access.ReadWrite => "rw",
        Access.WriteOnly => "wo",
        Access.WriteOneToTrigger => "w1",
        _ => throw new ArgumentOutOfRangeException(nameof(access)),
    };

    /// <summary>True when software may write the bits.</summary>
    public static bool IsWritable(this Access access) => access != Access.ReadOnly;
}

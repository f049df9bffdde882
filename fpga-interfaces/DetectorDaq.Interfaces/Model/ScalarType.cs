namespace DetectorDaq.Interfaces.Model;

/// <summary>Unsigned scalar types of format fields.</summary>
public enum ScalarType
{
    /// <summary>8-bit unsigned.</summary>
    U8 = 1,

    /// <summary>16-bit unsigned.</summary>
    U16 = 2,

    /// <summary>32-bit unsigned.</summary>
    U32 = 4,

    /// <summary>64-bit unsigned.</summary>
    U64 = 8,
}

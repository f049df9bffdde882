namespace DetectorDaq.Hil.Chips.Ads131m08;

/// <summary>What the virtual chip sends in the response word(s) of the next frame.</summary>
internal enum ResponseKind
{
    /// <summary>The STATUS register (response to NULL, invalid and rejected commands).</summary>
    Status,

    /// <summary>A fixed acknowledge word.</summary>
    Word,

    /// <summary>One register (single-register RREG).</summary>
    Register,

    /// <summary>Acknowledge plus several registers, no conversion data (multi-register RREG).</summary>
    Registers,
}

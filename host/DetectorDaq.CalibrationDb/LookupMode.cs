namespace DetectorDaq.CalibrationDb;

/// <summary>How a lookup picks among versions whose conditions match (European XFEL's CalCat offers the same two).</summary>
public enum LookupMode
{
    /// <summary>The version with the latest valid-from at or before the requested time.</summary>
    Prior,

    /// <summary>The version whose valid-from is nearest the requested time, before or after; a tie goes to the earlier one.</summary>
    Closest,
}

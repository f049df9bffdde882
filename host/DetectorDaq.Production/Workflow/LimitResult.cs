namespace DetectorDaq.Production.Workflow;

/// <summary>One limit applied to one measurement.</summary>
/// <param name="Name">Limit name.</param>
/// <param name="Value">The measurement converted to <paramref name="Unit"/>; NaN when it cannot be converted.</param>
/// <param name="Low">Lowest passing value, or null.</param>
/// <param name="High">Highest passing value, or null.</param>
/// <param name="Unit">The limit's unit.</param>
/// <param name="Passed">Whether the value lies within the limit.</param>
/// <param name="Note">Why it failed beyond the value (a unit of another quantity), or empty.</param>
public sealed record LimitResult(string Name, double Value, double? Low, double? High, string Unit, bool Passed, string Note = "");

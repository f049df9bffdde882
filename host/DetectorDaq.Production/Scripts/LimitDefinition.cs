namespace DetectorDaq.Production.Scripts;

/// <summary>
/// A limit on a measurement: the measured quantity is converted to <see cref="Unit"/> (UnitsNet) and
/// must lie in [<see cref="Low"/>, <see cref="High"/>]; a missing bound is open.
/// </summary>
/// <param name="Name">Unique name within the script.</param>
/// <param name="Measurement">Name of the measurement it checks.</param>
/// <param name="Low">Lowest passing value in <paramref name="Unit"/>, or null.</param>
/// <param name="High">Highest passing value in <paramref name="Unit"/>, or null.</param>
/// <param name="Unit">UnitsNet unit abbreviation, for example "pC", "nA", "°C", "%".</param>
/// <param name="Line">Line of the limit in the script file (1-based).</param>
public sealed record LimitDefinition(string Name, string Measurement, double? Low, double? High, string Unit, int Line)
{
    /// <summary>Whether <paramref name="value"/> (in <see cref="Unit"/>) lies within the limit.</summary>
    public bool Passes(double value) => !double.IsNaN(value) && (Low is null || value >= Low) && (High is null || value <= High);

    /// <summary>The limit as text, for example "[0, 2] pC" or "≤ 1 %".</summary>
    public string Describe() => (Low, High) switch
    {
        (not null, not null) => $"[{Low}, {High}] {Unit}",
        (not null, null) => $"≥ {Low} {Unit}",
        (null, not null) => $"≤ {High} {Unit}",
        _ => $"any {Unit}",
    };
}

namespace DetectorDaq.CalibrationDb;

/// <summary>
/// How far stored conditions may be from the requested ones for a version to match. Integration period
/// and range always have to match exactly: constants measured at another period or range are wrong, not
/// merely less accurate.
/// </summary>
/// <param name="TemperatureCelsius">Largest accepted |stored − requested| temperature, °C (≥ 0, inclusive).</param>
public sealed record ConditionTolerance(double TemperatureCelsius)
{
    /// <summary>Temperature must match exactly.</summary>
    public static ConditionTolerance Exact { get; } = new(0);
}

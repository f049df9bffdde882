namespace DetectorDaq.Production.Workflow;

/// <summary>A measured value with its unit and, when the script limits it, the verdict.</summary>
/// <param name="Name">Measurement name (see <see cref="Scripts.PhaseMeasurements"/>).</param>
/// <param name="Phase">Phase that measured it.</param>
/// <param name="Value">Value in <paramref name="Unit"/>.</param>
/// <param name="Unit">UnitsNet abbreviation of the measured unit.</param>
/// <param name="Limits">Every limit on the measurement, checked in the limit's unit.</param>
public sealed record Measurement(string Name, string Phase, double Value, string Unit, IReadOnlyList<LimitResult> Limits)
{
    /// <summary>Whether every limit passed (true when there are none).</summary>
    public bool Passed => Limits.All(limit => limit.Passed);
}

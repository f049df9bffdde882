namespace DetectorDaq.Production.Scripts;

/// <summary>The measurement names each phase kind records, so limits can be checked against them when a script is read.</summary>
public static class PhaseMeasurements
{
    /// <summary>Board temperature once stable (°C).</summary>
    public const string Temperature = "temperature";

    /// <summary>Median dark offset over good channels (charge or voltage).</summary>
    public const string OffsetMedian = "offset-median";

    /// <summary>Median dark noise over good channels (charge or voltage).</summary>
    public const string NoiseMedian = "noise-median";

    /// <summary>Relative spread (standard deviation / mean) of the gain over good channels (%).</summary>
    public const string GainSpread = "gain-spread";

    /// <summary>Share of channels flagged bad (%).</summary>
    public const string BadChannelFraction = "bad-channel-fraction";

    /// <summary>Largest linearity residual of any good channel relative to its top-level response (%).</summary>
    public const string LinearityResidualMax = "linearity-residual-max";

    /// <summary>The names <paramref name="phase"/> measures.</summary>
    public static IReadOnlyList<string> Of(PhaseDefinition phase) => phase.Kind switch
    {
        PhaseKind.WaitTemperatureStable => [Temperature],
        PhaseKind.ComputeConstants => [OffsetMedian, NoiseMedian, GainSpread, BadChannelFraction, LinearityResidualMax],
        _ => [],
    };
}

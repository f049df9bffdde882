namespace DetectorDaq.Production.Scripts;

/// <summary>The YAML names of <see cref="PhaseKind"/>.</summary>
public static class PhaseKinds
{
    private static readonly Dictionary<string, PhaseKind> ByName = new(StringComparer.Ordinal)
    {
        ["prompt"] = PhaseKind.Prompt,
        ["wait-temperature-stable"] = PhaseKind.WaitTemperatureStable,
        ["acquire-darks"] = PhaseKind.AcquireDarks,
        ["acquire-flats"] = PhaseKind.AcquireFlats,
        ["compute-constants"] = PhaseKind.ComputeConstants,
        ["check-limits"] = PhaseKind.CheckLimits,
        ["store"] = PhaseKind.Store,
    };

    /// <summary>Every YAML name.</summary>
    public static IEnumerable<string> Names => ByName.Keys;

    /// <summary>The kind named <paramref name="name"/>.</summary>
    public static bool TryParse(string name, out PhaseKind kind) => ByName.TryGetValue(name, out kind);

    /// <summary>The YAML name of <paramref name="kind"/>.</summary>
    public static string Name(PhaseKind kind) => ByName.First(pair => pair.Value == kind).Key;
}

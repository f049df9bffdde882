using System.Globalization;
using UnitsNet;

namespace DetectorDaq.Production.Scripts;

/// <summary>The parameters each <see cref="PhaseKind"/> takes, checked when the script is read.</summary>
/// <remarks>
/// prompt: <c>key</c>, <c>question</c>, optional <c>expect</c> (the answer that passes).
/// wait-temperature-stable: <c>tolerance</c> (temperature delta, "0.5 K"), <c>samples</c> (≥ 2), <c>interval</c> (duration).
/// acquire-darks: <c>frames</c>. acquire-flats: <c>frames</c>, <c>levels</c> (list of currents for a DDC264
/// module, of voltages for an ADS131M08 module). compute-constants: optional <c>nonlinearity-order</c>.
/// store: optional <c>database</c> (SQLite file; default calibration.db in the output folder).
/// </remarks>
public static class PhaseParameters
{
    private static readonly Dictionary<PhaseKind, (string[] Required, string[] Optional)> Allowed = new()
    {
        [PhaseKind.Prompt] = (["key", "question"], ["expect"]),
        [PhaseKind.WaitTemperatureStable] = (["tolerance"], ["samples", "interval"]),
        [PhaseKind.AcquireDarks] = (["frames"], []),
        [PhaseKind.AcquireFlats] = (["frames", "levels"], []),
        [PhaseKind.ComputeConstants] = ([], ["nonlinearity-order"]),
        [PhaseKind.CheckLimits] = ([], []),
        [PhaseKind.Store] = ([], ["database"]),
    };

    /// <summary>Checks <paramref name="phase"/>'s parameters.</summary>
    /// <exception cref="ScriptException">A parameter is unknown, missing or malformed.</exception>
    public static void Validate(PhaseDefinition phase, string path)
    {
        var (required, optional) = Allowed[phase.Kind];
        var given = phase.Parameters.Keys.Concat(phase.ParameterLists.Keys).ToArray();
        foreach (var key in given.Where(key => !required.Contains(key) && !optional.Contains(key)))
        {
            throw Error(phase, path, $"unknown parameter '{key}' for {PhaseKinds.Name(phase.Kind)} (allowed: {string.Join(", ", required.Concat(optional))})");
        }

        foreach (var key in required.Where(key => !given.Contains(key)))
        {
            throw Error(phase, path, $"parameter '{key}' is missing");
        }

        foreach (var key in new[] { "frames", "samples", "nonlinearity-order" }.Where(phase.Parameters.ContainsKey))
        {
            Integer(phase, key, path);
        }

        if (phase.Parameters.TryGetValue("tolerance", out var tolerance) && !Units.TryParseTemperatureDifference(tolerance, out _))
        {
            throw Error(phase, path, $"tolerance '{tolerance}' is not a temperature difference such as '0.5 K'");
        }

        if (phase.Parameters.TryGetValue("interval", out var interval))
        {
            Durations.Parse(interval, path, phase.Line);
        }

        if (phase.Kind == PhaseKind.AcquireFlats)
        {
            var levels = phase.ParameterLists.TryGetValue("levels", out var list) && list.Count > 0
                ? list
                : throw Error(phase, path, "levels must be a non-empty list such as [200 nA, 400 nA]");
            foreach (var level in levels.Where(level => !Units.TryParse<ElectricCurrent>(level, out _) && !Units.TryParse<ElectricPotential>(level, out _)))
            {
                throw Error(phase, path, $"level '{level}' is not a current (nA) or a voltage (mV)");
            }
        }
    }

    /// <summary>The whole-number parameter <paramref name="key"/> (≥ 1).</summary>
    public static int Integer(PhaseDefinition phase, string key, string path) =>
        int.TryParse(phase.Parameters[key], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 1
            ? value
            : throw Error(phase, path, $"{key} '{phase.Parameters[key]}' is not a whole number ≥ 1");

    private static ScriptException Error(PhaseDefinition phase, string path, string problem) =>
        new(path, phase.Line, $"phase '{phase.Name}': {problem}");
}

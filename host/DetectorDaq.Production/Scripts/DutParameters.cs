using System.Globalization;

namespace DetectorDaq.Production.Scripts;

/// <summary>
/// Parameters of the device under test beside its kind. ddc264: <c>chips</c> (1 to 16, default 1) and
/// <c>integration</c> (integration period, default 100us). ads131m08: none (one chip of 8 channels at 4 kSPS).
/// </summary>
public static class DutParameters
{
    /// <summary>Default DDC264 integration period.</summary>
    public static readonly TimeSpan DefaultIntegration = TimeSpan.FromMicroseconds(100);

    /// <summary>Checks the parameters of a <paramref name="kind"/> DUT.</summary>
    /// <exception cref="ScriptException">A parameter is unknown or malformed.</exception>
    public static void Validate(DutKind kind, IReadOnlyDictionary<string, string> parameters, string path, int line)
    {
        string[] allowed = kind == DutKind.Ddc264 ? ["chips", "integration"] : [];
        foreach (var key in parameters.Keys.Where(key => !allowed.Contains(key)))
        {
            throw new ScriptException(path, line, $"dut: unknown parameter '{key}' for {kind.ToString().ToLowerInvariant()} (allowed: kind{string.Concat(allowed.Select(name => ", " + name))})");
        }

        Chips(parameters, path, line);
        Integration(parameters, path, line);
    }

    /// <summary>DDC264 chips of the module.</summary>
    public static int Chips(IReadOnlyDictionary<string, string> parameters, string path, int line) =>
        !parameters.TryGetValue("chips", out var text) ? 1
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var chips) && chips is >= 1 and <= 16 ? chips
        : throw new ScriptException(path, line, $"dut: chips '{text}' is not 1 to 16");

    /// <summary>DDC264 integration period.</summary>
    public static TimeSpan Integration(IReadOnlyDictionary<string, string> parameters, string path, int line) =>
        parameters.TryGetValue("integration", out var text) ? Durations.Parse(text, path, line) : DefaultIntegration;
}

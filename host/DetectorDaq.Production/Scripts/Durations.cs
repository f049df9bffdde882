using System.Globalization;

namespace DetectorDaq.Production.Scripts;

/// <summary>Durations in scripts: a number with <c>us</c>, <c>ms</c>, <c>s</c> or <c>min</c>, for example <c>30s</c> or <c>500 ms</c>.</summary>
public static class Durations
{
    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="ScriptException">The text is not a positive duration.</exception>
    public static TimeSpan Parse(string text, string path, int line)
    {
        var trimmed = text.Trim();
        var (number, scale) = trimmed.EndsWith("us", StringComparison.Ordinal) ? (trimmed[..^2], 1e-6)
            : trimmed.EndsWith("ms", StringComparison.Ordinal) ? (trimmed[..^2], 1e-3)
            : trimmed.EndsWith("min", StringComparison.Ordinal) ? (trimmed[..^3], 60.0)
            : trimmed.EndsWith('s') ? (trimmed[..^1], 1.0)
            : (trimmed, double.NaN);
        return double.TryParse(number.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && !double.IsNaN(scale)
            ? TimeSpan.FromSeconds(value * scale)
            : throw new ScriptException(path, line, $"duration '{text}' is not a positive number with us, ms, s or min");
    }
}

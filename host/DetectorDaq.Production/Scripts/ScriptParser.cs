using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DetectorDaq.Production.Scripts;

/// <summary>
/// Reads production scripts strictly: unknown keys, missing keys, wrong types, duplicate names, unknown
/// units and limits on measurements no phase makes are errors naming <c>file:line</c>.
/// </summary>
/// <example>
/// <code>
/// name: ddc264-module-calibration
/// dut: { kind: ddc264, chips: 1 }
/// phases:
///   - { name: darks, kind: acquire-darks, parameters: { frames: 20 }, retries: 1, timeout: 30s }
/// limits:
///   - { name: noise, measurement: noise-median, high: 0.01, unit: pC }
/// </code>
/// </example>
public static class ScriptParser
{
    private static readonly string[] ScriptKeys = ["name", "description", "dut", "phases", "limits"];
    private static readonly string[] PhaseKeys = ["name", "kind", "parameters", "retries", "timeout"];
    private static readonly string[] LimitKeys = ["name", "measurement", "low", "high", "unit"];

    /// <summary>Reads the script in <paramref name="path"/>.</summary>
    /// <exception cref="ScriptException">The file is missing or the script is not valid.</exception>
    public static ProductionScript ParseFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new ScriptException(path, 0, "file not found");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads a script from <paramref name="yaml"/>; <paramref name="path"/> names it in errors.</summary>
    /// <exception cref="ScriptException">The script is not valid.</exception>
    public static ProductionScript Parse(string yaml, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException exception)
        {
            throw new ScriptException(path, (int)exception.Start.Line, $"not valid YAML ({exception.Message})", exception);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ScriptException(path, 1, "a script is one YAML mapping with name, dut and phases");
        }

        var reader = new NodeReader(path);
        reader.RequireOnly(root, ScriptKeys, "script");
        var name = reader.RequiredScalar(root, "name", "script");
        var description = reader.OptionalScalar(root, "description") ?? "";
        var (dut, dutParameters) = ReadDut(reader, reader.Required(root, "dut", "script"));
        var phasesNode = reader.Required(root, "phases", "script");
        var phases = reader.Sequence(phasesNode, "phases").Select(node => ReadPhase(reader, node)).ToArray();
        if (phases.Length == 0)
        {
            throw new ScriptException(path, Line(phasesNode), "phases: at least one phase is needed");
        }

        RequireUnique(path, phases.Select(phase => (phase.Name, phase.Line)), "phase");
        var limits = root.Children.TryGetValue(new YamlScalarNode("limits"), out var limitsNode)
            ? reader.Sequence(limitsNode, "limits").Select(node => ReadLimit(reader, node)).ToArray()
            : [];
        RequireUnique(path, limits.Select(limit => (limit.Name, limit.Line)), "limit");
        var measured = phases.SelectMany(phase => PhaseMeasurements.Of(phase)).ToHashSet(StringComparer.Ordinal);
        foreach (var limit in limits.Where(limit => !measured.Contains(limit.Measurement)))
        {
            throw new ScriptException(path, limit.Line, $"limit '{limit.Name}': no phase measures '{limit.Measurement}' (measured: {string.Join(", ", measured.Order())})");
        }

        return new ProductionScript(name, description, dut, dutParameters, phases, limits, path);
    }

    private static (DutKind Kind, IReadOnlyDictionary<string, string> Parameters) ReadDut(NodeReader reader, YamlNode node)
    {
        var mapping = reader.Mapping(node, "dut");
        var kindText = reader.RequiredScalar(mapping, "kind", "dut");
        var kind = kindText switch
        {
            "ddc264" => DutKind.Ddc264,
            "ads131m08" => DutKind.Ads131m08,
            _ => throw new ScriptException(reader.Path, Line(mapping), $"dut kind '{kindText}' is not one of ddc264, ads131m08"),
        };
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var keyText = ((YamlScalarNode)key).Value!;
            if (keyText != "kind")
            {
                parameters[keyText] = reader.Scalar(value, $"dut.{keyText}");
            }
        }

        DutParameters.Validate(kind, parameters, reader.Path, Line(mapping));
        return (kind, parameters);
    }

    private static PhaseDefinition ReadPhase(NodeReader reader, YamlNode node)
    {
        var mapping = reader.Mapping(node, "phase");
        reader.RequireOnly(mapping, PhaseKeys, "phase");
        var name = reader.RequiredScalar(mapping, "name", "phase");
        var kindText = reader.RequiredScalar(mapping, "kind", $"phase '{name}'");
        var kind = PhaseKinds.TryParse(kindText, out var parsed)
            ? parsed
            : throw new ScriptException(reader.Path, Line(mapping), $"phase '{name}': kind '{kindText}' is not one of {string.Join(", ", PhaseKinds.Names)}");
        var scalars = new Dictionary<string, string>(StringComparer.Ordinal);
        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (mapping.Children.TryGetValue(new YamlScalarNode("parameters"), out var parametersNode))
        {
            foreach (var (key, value) in reader.Mapping(parametersNode, $"phase '{name}' parameters").Children)
            {
                var keyText = ((YamlScalarNode)key).Value!;
                if (value is YamlSequenceNode sequence)
                {
                    lists[keyText] = sequence.Children.Select(item => reader.Scalar(item, $"phase '{name}' parameter {keyText}")).ToArray();
                }
                else
                {
                    scalars[keyText] = reader.Scalar(value, $"phase '{name}' parameter {keyText}");
                }
            }
        }

        var retries = reader.OptionalInteger(mapping, "retries", $"phase '{name}'") ?? 0;
        if (retries is < 0 or > 100)
        {
            throw new ScriptException(reader.Path, Line(mapping), $"phase '{name}': retries {retries} is not 0 to 100");
        }

        var timeoutText = reader.OptionalScalar(mapping, "timeout");
        TimeSpan? timeout = timeoutText is null ? null : Durations.Parse(timeoutText, reader.Path, Line(mapping[new YamlScalarNode("timeout")]));
        var phase = new PhaseDefinition(name, kind, scalars, lists, retries, timeout, Line(mapping));
        PhaseParameters.Validate(phase, reader.Path);
        return phase;
    }

    private static LimitDefinition ReadLimit(NodeReader reader, YamlNode node)
    {
        var mapping = reader.Mapping(node, "limit");
        reader.RequireOnly(mapping, LimitKeys, "limit");
        var name = reader.RequiredScalar(mapping, "name", "limit");
        var measurement = reader.RequiredScalar(mapping, "measurement", $"limit '{name}'");
        var unit = reader.RequiredScalar(mapping, "unit", $"limit '{name}'");
        if (!Units.IsKnown(unit))
        {
            throw new ScriptException(reader.Path, Line(mapping[new YamlScalarNode("unit")]), $"limit '{name}': unit '{unit}' is not a UnitsNet unit abbreviation");
        }

        var low = reader.OptionalNumber(mapping, "low", $"limit '{name}'");
        var high = reader.OptionalNumber(mapping, "high", $"limit '{name}'");
        if (low is null && high is null)
        {
            throw new ScriptException(reader.Path, Line(mapping), $"limit '{name}': needs low, high or both");
        }

        if (low > high)
        {
            throw new ScriptException(reader.Path, Line(mapping), $"limit '{name}': low {low} is above high {high}");
        }

        return new LimitDefinition(name, measurement, low, high, unit, Line(mapping));
    }

    private static void RequireUnique(string path, IEnumerable<(string Name, int Line)> items, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, line) in items)
        {
            if (!seen.Add(name))
            {
                throw new ScriptException(path, line, $"{what} name '{name}' is used twice");
            }
        }
    }

    internal static int Line(YamlNode node) => (int)node.Start.Line;

    private sealed class NodeReader(string path)
    {
        public string Path { get; } = path;

        public YamlMappingNode Mapping(YamlNode node, string what) =>
            node as YamlMappingNode ?? throw new ScriptException(Path, Line(node), $"{what} must be a mapping");

        public YamlSequenceNode Sequence(YamlNode node, string what) =>
            node as YamlSequenceNode ?? throw new ScriptException(Path, Line(node), $"{what} must be a list");

        public string Scalar(YamlNode node, string what) =>
            node is YamlScalarNode { Value: { } value } ? value : throw new ScriptException(Path, Line(node), $"{what} must be a single value");

        public void RequireOnly(YamlMappingNode mapping, string[] allowed, string what)
        {
            foreach (var key in mapping.Children.Keys)
            {
                var text = Scalar(key, $"{what} key");
                if (!allowed.Contains(text))
                {
                    throw new ScriptException(Path, Line(key), $"{what}: unknown key '{text}' (allowed: {string.Join(", ", allowed)})");
                }
            }
        }

        public YamlNode Required(YamlMappingNode mapping, string key, string what) =>
            mapping.Children.TryGetValue(new YamlScalarNode(key), out var node)
                ? node
                : throw new ScriptException(Path, Line(mapping), $"{what}: '{key}' is missing");

        public string RequiredScalar(YamlMappingNode mapping, string key, string what)
        {
            var value = Scalar(Required(mapping, key, what), $"{what} {key}");
            return value.Length > 0 ? value : throw new ScriptException(Path, Line(mapping[new YamlScalarNode(key)]), $"{what}: '{key}' is empty");
        }

        public string? OptionalScalar(YamlMappingNode mapping, string key) =>
            mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? Scalar(node, key) : null;

        public double? OptionalNumber(YamlMappingNode mapping, string key, string what)
        {
            var text = OptionalScalar(mapping, key);
            return text is null ? null
                : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value
                : throw new ScriptException(Path, Line(mapping[new YamlScalarNode(key)]), $"{what}: {key} '{text}' is not a number");
        }

        public int? OptionalInteger(YamlMappingNode mapping, string key, string what)
        {
            var text = OptionalScalar(mapping, key);
            return text is null ? null
                : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
                : throw new ScriptException(Path, Line(mapping[new YamlScalarNode(key)]), $"{what}: {key} '{text}' is not a whole number");
        }
    }
}

using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DetectorDaq.Hil.Scenarios;

/// <summary>
/// Strict reader of scenario YAML: every key must be known, every value of the right type and in range, and every
/// problem is reported with the line and column of the offending node.
/// </summary>
internal sealed class ScenarioParser(string origin)
{
    private static readonly string[] TopKeys =
        ["name", "description", "recording", "topology", "frames", "integration_period_us", "seed", "flat_levels", "injections", "expectations"];

    private static readonly string[] TopologyKeys = ["modules", "chips_per_module", "rows", "columns"];

    private static readonly string[] ExpectationKeys =
    [
        "min_complete_fraction", "losses_reported_equal_injected", "duplicates_reported_equal_injected",
        "crc_failures_equal_injected", "no_crash", "valid_file", "max_frames_dropped", "expect_fault",
        "bad_channels", "calibrated_max_relative_error",
    ];

    // Largest code of the DDC264's 20-bit format.
    private const long MaximumCode = (1 << 20) - 1;

    public Scenario Parse(string text)
    {
        var root = LoadRoot(text);
        var keys = ReadKeys(root, TopKeys, "the scenario");
        var name = RequiredString(root, keys, "name", "the scenario");
        var description = keys.TryGetValue("description", out var descriptionNode) ? String(descriptionNode, "description") : string.Empty;
        var recordingNode = Required(root, keys, "recording", "the scenario");
        var recording = String(recordingNode, "recording");
        var topology = ParseTopology(Required(root, keys, "topology", "the scenario"));
        long? frames = keys.TryGetValue("frames", out var framesNode) ? Integer(framesNode, "frames", 1, long.MaxValue) : null;
        var integrationMicroseconds = keys.TryGetValue("integration_period_us", out var periodNode)
            ? Integer(periodNode, "integration_period_us", 1, 10_000_000)
            : 1000;
        var seed = keys.TryGetValue("seed", out var seedNode) ? (int)Integer(seedNode, "seed", int.MinValue, int.MaxValue) : 0;
        var injections = keys.TryGetValue("injections", out var injectionsNode)
            ? ParseInjections(injectionsNode, topology, frames)
            : [];
        var expectations = ParseExpectations(Required(root, keys, "expectations", "the scenario"), topology);
        var recordingPath = ResolveRecording(recordingNode, recording);
        IReadOnlyList<double> flatLevels = [1.0];
        if (keys.TryGetValue("flat_levels", out var levelsNode))
        {
            flatLevels = recordingPath is null
                ? Numbers(levelsNode, "flat_levels", double.Epsilon, 1)
                : throw Fail(levelsNode, $"flat_levels applies to {Scenario.BuiltinPhantom} only; a recording file has its own flats");
        }

        return new Scenario(
            name,
            description,
            recording,
            recordingPath,
            topology,
            frames,
            TimeSpan.FromMicroseconds(integrationMicroseconds),
            seed,
            injections,
            expectations,
            origin)
        {
            FlatLevels = flatLevels,
        };
    }

    private YamlMappingNode LoadRoot(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            throw new ScenarioException(origin, (int)exception.Start.Line, (int)exception.Start.Column, $"not valid YAML: {InnermostMessage(exception)}", exception);
        }

        if (stream.Documents.Count == 0)
        {
            throw new ScenarioException(origin, 0, 0, "the file is empty");
        }

        if (stream.Documents.Count > 1)
        {
            throw Fail(stream.Documents[1].RootNode, "more than one YAML document; a scenario file holds one");
        }

        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw Fail(stream.Documents[0].RootNode, "the scenario must be a mapping of keys (name, recording, topology, ...)");
    }

    private static string InnermostMessage(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is YamlException inner)
        {
            innermost = inner;
        }

        // YamlException prefixes its message with the marks, which the scenario message already carries.
        var message = innermost.Message;
        var separator = message.IndexOf("): ", StringComparison.Ordinal);
        return separator >= 0 ? message[(separator + 3)..] : message;
    }

    private string? ResolveRecording(YamlNode node, string recording)
    {
        if (recording.StartsWith("builtin:", StringComparison.Ordinal))
        {
            return recording == Scenario.BuiltinPhantom
                ? null
                : throw Fail(node, $"unknown built-in recording '{recording}' (expected: {Scenario.BuiltinPhantom})");
        }

        if (recording.Length == 0)
        {
            throw Fail(node, "recording must not be empty");
        }

        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(origin)) ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(baseDirectory, recording));
    }

    private ScenarioTopology ParseTopology(YamlNode node)
    {
        var mapping = Mapping(node, "topology");
        var keys = ReadKeys(mapping, TopologyKeys, "topology");
        var modules = (int)Integer(Required(mapping, keys, "modules", "topology"), "modules", 1, 64);
        var chips = (int)Integer(Required(mapping, keys, "chips_per_module", "topology"), "chips_per_module", 1, 16);
        int? rows = keys.TryGetValue("rows", out var rowsNode) ? (int)Integer(rowsNode, "rows", 1, int.MaxValue) : null;
        int? columns = keys.TryGetValue("columns", out var columnsNode) ? (int)Integer(columnsNode, "columns", 1, int.MaxValue) : null;
        var topology = new ScenarioTopology(modules, chips, rows, columns);
        if ((rows is null) != (columns is null))
        {
            throw Fail(mapping, "topology needs both rows and columns, or neither (then they come from the recording)");
        }

        if (rows is not null && (long)rows.Value * columns!.Value != topology.Channels)
        {
            throw Fail(mapping, $"topology rows × columns = {(long)rows.Value * columns.Value} but modules × chips_per_module × 64 = {topology.Channels} channels");
        }

        return topology;
    }

    private List<Injection> ParseInjections(YamlNode node, ScenarioTopology topology, long? frames)
    {
        if (node is not YamlSequenceNode sequence)
        {
            throw Fail(node, "injections must be a list");
        }

        var injections = new List<Injection>();
        foreach (var item in sequence.Children)
        {
            injections.Add(ParseInjection(item, topology, frames));
        }

        return injections;
    }

    private Injection ParseInjection(YamlNode node, ScenarioTopology topology, long? frames)
    {
        var mapping = Mapping(node, "an injection");
        var kindNode = mapping.Children.FirstOrDefault(entry => entry.Key is YamlScalarNode { Value: "kind" }).Value
            ?? throw Fail(mapping, "injection needs a kind (one of: " + string.Join(", ", InjectionKindNames.All) + ")");
        var kindName = String(kindNode, "kind");
        if (!InjectionKindNames.TryParse(kindName, out var kind))
        {
            throw Fail(kindNode, $"unknown injection kind '{kindName}' (expected one of: {string.Join(", ", InjectionKindNames.All)})");
        }

        var context = $"a {kindName} injection";
        var keys = ReadKeys(mapping, KeysOf(kind), context);
        var line = (int)mapping.Start.Line;
        var injection = new Injection(kind, ParseModule(keys, topology), line);
        switch (kind)
        {
            case InjectionKind.PacketLoss or InjectionKind.Duplicate or InjectionKind.Corrupt or InjectionKind.CrcErrors:
                return injection with { Fraction = Fraction(Required(mapping, keys, "fraction", context), "fraction") };
            case InjectionKind.Reorder:
                return injection with
                {
                    Fraction = Fraction(Required(mapping, keys, "fraction", context), "fraction"),
                    Distance = keys.TryGetValue("distance", out var distance) ? (int)Integer(distance, "distance", 1, 64) : 3,
                };
            case InjectionKind.ControllerStall:
                return injection with
                {
                    AtFrame = AtFrame(Required(mapping, keys, "at_frame", context), frames),
                    Duration = TimeSpan.FromMilliseconds(Integer(Required(mapping, keys, "duration_ms", context), "duration_ms", 1, 60_000)),
                    Release = keys.TryGetValue("release", out var release) ? ParseRelease(release) : StallRelease.Deliver,
                };
            case InjectionKind.ControllerRestart:
                return injection with { AtFrame = AtFrame(Required(mapping, keys, "at_frame", context), frames) };
            case InjectionKind.ChipNotAnswering:
                return injection with
                {
                    AtFrame = keys.TryGetValue("at_frame", out var atFrame) ? AtFrame(atFrame, frames) : 0,
                    Chip = keys.TryGetValue("chip", out var chip) ? (int)Integer(chip, "chip", 0, topology.ChipsPerModule - 1) : 0,
                };
            case InjectionKind.ClockDrift:
                return injection with { Ppm = Number(Required(mapping, keys, "ppm", context), "ppm", -1000, 1000) };
            case InjectionKind.SideMismatch:
                if (!keys.ContainsKey("offset_codes") && !keys.ContainsKey("relative_gain"))
                {
                    throw Fail(mapping, $"{context} needs 'offset_codes', 'relative_gain' or both");
                }

                return injection with
                {
                    OffsetCodes = keys.TryGetValue("offset_codes", out var offset) ? Number(offset, "offset_codes", -MaximumCode, MaximumCode) : 0,
                    RelativeGain = keys.TryGetValue("relative_gain", out var gain) ? Number(gain, "relative_gain", -0.5, 0.5) : 0,
                };
            case InjectionKind.TemperatureDrift:
                return injection with
                {
                    CodesPerCelsius = Number(Required(mapping, keys, "codes_per_celsius", context), "codes_per_celsius", -1000, 1000),
                    TemperatureCelsius = Number(Required(mapping, keys, "temperature_c", context), "temperature_c", -40, 125),
                };
            default:
                return ParseChannelDefect(injection, mapping, keys, context, topology);
        }
    }

    private Injection ParseChannelDefect(Injection injection, YamlMappingNode mapping, Dictionary<string, YamlNode> keys, string context, ScenarioTopology topology)
    {
        var channels = Channels(Required(mapping, keys, "channels", context), "channels", topology);
        return injection.Kind switch
        {
            InjectionKind.StuckChannels => injection with
            {
                Channels = channels,
                Code = keys.TryGetValue("code", out var code) ? (int)Integer(code, "code", 0, MaximumCode) : ChannelDefectInjections.DefaultStuckCode,
            },
            InjectionKind.NoisyChannels => injection with
            {
                Channels = channels,
                Amount = keys.TryGetValue("amount", out var noise) ? Number(noise, "amount", 0, MaximumCode) : ChannelDefectInjections.DefaultNoiseCodes,
            },
            InjectionKind.NonlinearChannels => injection with
            {
                Channels = channels,
                Amount = keys.TryGetValue("amount", out var bow) ? Number(bow, "amount", -0.25, 0.25) : ChannelDefectInjections.DefaultBow,
            },
            _ => injection with { Channels = channels },
        };
    }

    private int[] Channels(YamlNode node, string key, ScenarioTopology topology)
    {
        if (node is not YamlSequenceNode sequence)
        {
            throw Fail(node, $"{key} must be a list of module channels, such as [5, 17]");
        }

        var channels = sequence.Children.Select(child => (int)Integer(child, key, 0, topology.ChannelsPerModule - 1, reason: $"a module has {topology.ChannelsPerModule} channels")).ToArray();
        var repeated = channels.GroupBy(channel => channel).FirstOrDefault(group => group.Count() > 1);
        return repeated is null ? channels : throw Fail(node, $"{key} names channel {repeated.Key} twice");
    }

    private double[] Numbers(YamlNode node, string key, double minimum, double maximum) =>
        node is YamlSequenceNode { Children.Count: > 0 } sequence
            ? sequence.Children.Select(child => Number(child, key, minimum, maximum)).ToArray()
            : throw Fail(node, $"{key} must be a non-empty list of numbers");

    private static string[] KeysOf(InjectionKind kind) => kind switch
    {
        InjectionKind.PacketLoss or InjectionKind.Duplicate or InjectionKind.Corrupt or InjectionKind.CrcErrors => ["kind", "module", "fraction"],
        InjectionKind.Reorder => ["kind", "module", "fraction", "distance"],
        InjectionKind.ControllerStall => ["kind", "module", "at_frame", "duration_ms", "release"],
        InjectionKind.ControllerRestart => ["kind", "module", "at_frame"],
        InjectionKind.ChipNotAnswering => ["kind", "module", "at_frame", "chip"],
        InjectionKind.ClockDrift => ["kind", "module", "ppm"],
        InjectionKind.StuckChannels => ["kind", "module", "channels", "code"],
        InjectionKind.NoisyChannels or InjectionKind.NonlinearChannels => ["kind", "module", "channels", "amount"],
        InjectionKind.SideMismatch => ["kind", "module", "offset_codes", "relative_gain"],
        InjectionKind.TemperatureDrift => ["kind", "module", "codes_per_celsius", "temperature_c"],
        _ => ["kind", "module", "channels"],
    };

    private int? ParseModule(Dictionary<string, YamlNode> keys, ScenarioTopology topology)
    {
        if (!keys.TryGetValue("module", out var node) || node is YamlScalarNode { Value: "all" })
        {
            return null;
        }

        return (int)Integer(node, "module", 0, topology.Modules - 1, "or 'all'");
    }

    private StallRelease ParseRelease(YamlNode node) => String(node, "release") switch
    {
        "deliver" => StallRelease.Deliver,
        "drop" => StallRelease.Drop,
        var other => throw Fail(node, $"release must be deliver or drop, not '{other}'"),
    };

    private long AtFrame(YamlNode node, long? frames)
    {
        var upper = frames is null ? long.MaxValue : frames.Value - 1;
        return Integer(node, "at_frame", 0, upper, reason: frames is null ? null : $"frames is {frames}");
    }

    private ScenarioExpectations ParseExpectations(YamlNode node, ScenarioTopology topology)
    {
        var mapping = Mapping(node, "expectations");
        var keys = ReadKeys(mapping, ExpectationKeys, "expectations");
        return new ScenarioExpectations
        {
            MinCompleteFraction = keys.TryGetValue("min_complete_fraction", out var complete) ? Fraction(complete, "min_complete_fraction") : null,
            LossesReportedEqualInjected = OptionalBoolean(keys, "losses_reported_equal_injected"),
            DuplicatesReportedEqualInjected = OptionalBoolean(keys, "duplicates_reported_equal_injected"),
            CrcFailuresEqualInjected = OptionalBoolean(keys, "crc_failures_equal_injected"),
            NoCrash = OptionalBoolean(keys, "no_crash") ?? true,
            ValidFile = OptionalBoolean(keys, "valid_file"),
            MaxFramesDropped = keys.TryGetValue("max_frames_dropped", out var dropped) ? Integer(dropped, "max_frames_dropped", 0, long.MaxValue) : null,
            ExpectFault = OptionalBoolean(keys, "expect_fault"),
            BadChannels = keys.TryGetValue("bad_channels", out var bad) ? BadChannels(bad, topology) : null,
            CalibratedMaxRelativeError = keys.TryGetValue("calibrated_max_relative_error", out var error) ? Number(error, "calibrated_max_relative_error", 0, 1) : null,
        };
    }

    // bad_channels: {0: [5, 17], 1: []}; an empty mapping {} expects no bad channel anywhere.
    private Dictionary<int, IReadOnlyList<int>> BadChannels(YamlNode node, ScenarioTopology topology)
    {
        var mapping = node as YamlMappingNode ?? throw Fail(node, "bad_channels must map module indices to lists of channels, such as {0: [5, 17]}");
        var result = new Dictionary<int, IReadOnlyList<int>>();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var module = (int)Integer(keyNode, "bad_channels module", 0, topology.Modules - 1);
            if (!result.TryAdd(module, Channels(valueNode, "bad_channels", topology).Order().ToArray()))
            {
                throw Fail(keyNode, $"bad_channels names module {module} twice");
            }
        }

        return result;
    }

    private YamlMappingNode Mapping(YamlNode node, string what) =>
        node as YamlMappingNode ?? throw Fail(node, $"{what} must be a mapping of keys");

    private Dictionary<string, YamlNode> ReadKeys(YamlMappingNode mapping, string[] allowed, string context)
    {
        var keys = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                throw Fail(keyNode, $"keys of {context} must be plain names");
            }

            if (Array.IndexOf(allowed, key) < 0)
            {
                throw Fail(keyNode, $"unknown key '{key}' in {context} (expected: {string.Join(", ", allowed)})");
            }

            keys[key] = valueNode;
        }

        return keys;
    }

    private YamlNode Required(YamlMappingNode mapping, Dictionary<string, YamlNode> keys, string key, string context) =>
        keys.TryGetValue(key, out var node) ? node : throw Fail(mapping, $"{context} needs '{key}'");

    private string RequiredString(YamlMappingNode mapping, Dictionary<string, YamlNode> keys, string key, string context)
    {
        var node = Required(mapping, keys, key, context);
        var value = String(node, key);
        return value.Trim().Length > 0 ? value : throw Fail(node, $"{key} must not be empty");
    }

    private string String(YamlNode node, string key) =>
        node is YamlScalarNode { Value: { } value } ? value : throw Fail(node, $"{key} must be a single value, not a list or mapping");

    // alternative: another accepted spelling named in both messages ("or 'all'"); reason: why the range is what it is.
    private long Integer(YamlNode node, string key, long minimum, long maximum, string? alternative = null, string? reason = null)
    {
        var text = String(node, key);
        var or = alternative is null ? string.Empty : " " + alternative;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Fail(node, $"{key} must be a whole number{or}, not '{text}'");
        }

        if (value < minimum || value > maximum)
        {
            var range = maximum == long.MaxValue ? $"at least {minimum}" : $"{minimum} to {maximum}";
            throw Fail(node, $"{key} is {value}, out of range (must be {range}{or}{(reason is null ? string.Empty : "; " + reason)})");
        }

        return value;
    }

    private double Number(YamlNode node, string key, double minimum, double maximum)
    {
        var text = String(node, key);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw Fail(node, $"{key} must be a number, not '{text}'");
        }

        if (value < minimum || value > maximum)
        {
            throw Fail(node, $"{key} is {text}, out of range (must be {minimum.ToString(CultureInfo.InvariantCulture)} to {maximum.ToString(CultureInfo.InvariantCulture)})");
        }

        return value;
    }

    private double Fraction(YamlNode node, string key) => Number(node, key, 0, 1);

    private bool? OptionalBoolean(Dictionary<string, YamlNode> keys, string key)
    {
        if (!keys.TryGetValue(key, out var node))
        {
            return null;
        }

        return String(node, key) switch
        {
            "true" => true,
            "false" => false,
            var other => throw Fail(node, $"{key} must be true or false, not '{other}'"),
        };
    }

    private ScenarioException Fail(YamlNode node, string problem) =>
        new(origin, (int)node.Start.Line, (int)node.Start.Column, problem);
}

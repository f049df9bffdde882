using System.Globalization;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Frames;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DetectorDaq.Receiver.Topology;

/// <summary>Reads the YAML of a <see cref="DetectorTopology"/>, reporting the first problem with its line.</summary>
internal sealed class TopologyParser(string origin)
{
    private static readonly string[] DetectorKeys = ["detector_id", "rows", "columns", "modules"];
    private static readonly string[] ModuleKeys = ["id", "controller", "data_port", "chips", "rows", "columns", "first_row", "first_column"];
    private static readonly string[] ChipKeys = ["kind", "count"];

    public DetectorTopology Parse(string text)
    {
        var root = Load(text);
        var detectorId = Integer(root, "detector_id", 0, ushort.MaxValue);
        var rows = Integer(root, "rows", 1, 1 << 16);
        var columns = Integer(root, "columns", 1, 1 << 16);
        if (Required(root, "modules") is not YamlSequenceNode moduleNodes || moduleNodes.Children.Count == 0)
        {
            throw Error(Required(root, "modules"), "'modules' must be a non-empty list");
        }

        var owner = new int[rows * columns];
        Array.Fill(owner, -1);
        var modules = new List<ModuleTopology>();
        foreach (var node in moduleNodes)
        {
            var module = ParseModule(node);
            Check(node, module, modules, rows, columns, owner);
            modules.Add(module);
        }

        var geometry = new DetectorGeometry(rows, columns, modules.Select(module => module.Geometry).ToArray());
        return new DetectorTopology(origin, detectorId, geometry, modules);
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private YamlMappingNode Load(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            throw new TopologyException(origin, (int)exception.Start.Line, $"not valid YAML: {FirstLine(exception.Message)}", exception);
        }

        if (stream.Documents.Count == 0)
        {
            throw new TopologyException(origin, 0, "the file is empty");
        }

        return Mapping(stream.Documents[0].RootNode, "the file", DetectorKeys);
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    private ModuleTopology ParseModule(YamlNode node)
    {
        var mapping = Mapping(node, "a module", ModuleKeys);
        var id = Integer(mapping, "id", 0, ushort.MaxValue);
        var controllerNode = Required(mapping, "controller");
        var (host, port) = Endpoint(controllerNode);
        var chips = Chips(Required(mapping, "chips"));
        return new ModuleTopology
        {
            ModuleId = id,
            ControllerHost = host,
            ControllerPort = port,
            DataPort = Integer(mapping, "data_port", 0, ushort.MaxValue),
            Chips = chips,
            Geometry = new ModuleGeometry(
                id,
                Integer(mapping, "first_row", 0, 1 << 16),
                Integer(mapping, "first_column", 0, 1 << 16),
                Integer(mapping, "rows", 1, 1 << 16),
                Integer(mapping, "columns", 1, 1 << 16)),
        };
    }

    private void Check(YamlNode node, ModuleTopology module, List<ModuleTopology> earlier, int rows, int columns, int[] owner)
    {
        var geometry = module.Geometry;
        if (module.ChannelCount != geometry.ChannelCount)
        {
            throw Error(node, $"module {module.ModuleId} has {module.ChannelCount} chip channels but covers {geometry.Rows} x {geometry.Columns} = {geometry.ChannelCount} pixels");
        }

        if (earlier.Any(other => other.ModuleId == module.ModuleId))
        {
            throw Error(node, $"module id {module.ModuleId} is used twice");
        }

        if (module.DataPort != 0 && earlier.Any(other => other.DataPort == module.DataPort))
        {
            throw Error(node, $"data port {module.DataPort} of module {module.ModuleId} is used twice");
        }

        if (geometry.FirstRow + geometry.Rows > rows || geometry.FirstColumn + geometry.Columns > columns)
        {
            throw Error(node, $"module {module.ModuleId} ({geometry.Rows} x {geometry.Columns} at row {geometry.FirstRow}, column {geometry.FirstColumn}) lies outside the {rows} x {columns} detector");
        }

        for (var channel = 0; channel < geometry.ChannelCount; channel++)
        {
            var pixel = geometry.PixelIndex(channel, columns);
            if (owner[pixel] >= 0)
            {
                throw Error(node, $"module {module.ModuleId} overlaps module {owner[pixel]} at row {pixel / columns}, column {pixel % columns}");
            }

            owner[pixel] = module.ModuleId;
        }
    }

    private List<ChipGroup> Chips(YamlNode node)
    {
        if (node is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            throw Error(node, "'chips' must be a non-empty list of { kind, count }");
        }

        var chips = new List<ChipGroup>();
        foreach (var chipNode in sequence)
        {
            var chip = Mapping(chipNode, "a chip entry", ChipKeys);
            var kindNode = Required(chip, "kind");
            var kind = Scalar(kindNode, "kind") switch
            {
                "ads131m08" => ChipKind.Ads131m08,
                "ddc264" => ChipKind.Ddc264,
                var other => throw Error(kindNode, $"chip kind '{other}' is not ads131m08 or ddc264"),
            };
            chips.Add(new ChipGroup(kind, Integer(chip, "count", 1, 1024)));
        }

        return chips;
    }

    private (string Host, int Port) Endpoint(YamlNode node)
    {
        var text = Scalar(node, "controller");
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw Error(node, $"controller '{text}' is not HOST:PORT with a port from 1 to 65535");
        }

        return (text[..colon].Trim('[', ']'), port);
    }

    private YamlMappingNode Mapping(YamlNode node, string what, string[] keys)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw Error(node, $"{what} must be a mapping of {string.Join(", ", keys)}");
        }

        foreach (var key in mapping.Children.Keys)
        {
            if (key is not YamlScalarNode scalar || !keys.Contains(scalar.Value))
            {
                throw Error(key, $"unknown key '{key}' in {what} (expected {string.Join(", ", keys)})");
            }
        }

        return mapping;
    }

    private YamlNode Required(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : throw Error(mapping, $"missing '{key}'");

    private string Scalar(YamlNode node, string key) =>
        node is YamlScalarNode { Value: { Length: > 0 } value } ? value : throw Error(node, $"'{key}' must be a single value");

    private int Integer(YamlMappingNode mapping, string key, int min, int max)
    {
        var node = Required(mapping, key);
        var text = Scalar(node, key);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw Error(node, $"'{key}' must be an integer from {min} to {max}, not '{text}'");
        }

        return value;
    }

    private TopologyException Error(YamlNode node, string problem) => new(origin, Line(node), problem);
}

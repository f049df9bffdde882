using DetectorDaq.Frames;

namespace DetectorDaq.Receiver.Topology;

/// <summary>
/// A detector described in YAML: its id, image size and modules (example: Examples/detector.yaml).
/// <code>
/// detector_id: 7
/// rows: 2
/// columns: 128
/// modules:
///   - id: 0
///     controller: 192.168.10.20:5020   # HOST:PORT of the control server
///     data_port: 50000                 # host UDP port for this module, 0 = any free
///     chips: [{ kind: ddc264, count: 2 }]
///     rows: 2
///     columns: 64
///     first_row: 0
///     first_column: 0
/// </code>
/// </summary>
public sealed class DetectorTopology
{
    /// <summary>
    /// A topology built in code (simulations, tests); <paramref name="geometry"/> must list the
    /// geometries of <paramref name="modules"/> in the same order.
    /// </summary>
    /// <exception cref="ArgumentException">The geometry and the modules disagree.</exception>
    public DetectorTopology(string origin, int detectorId, DetectorGeometry geometry, IReadOnlyList<ModuleTopology> modules)
    {
        if (geometry.Modules.Count != modules.Count || geometry.Modules.Where((module, i) => module != modules[i].Geometry).Any())
        {
            throw new ArgumentException("the geometry must list the modules' geometries in module order", nameof(geometry));
        }

        if (modules.FirstOrDefault(module => module.ChannelCount != module.Geometry.ChannelCount) is { } mismatch)
        {
            throw new ArgumentException($"module {mismatch.ModuleId}: its chips give {mismatch.ChannelCount} channels, its area {mismatch.Geometry.ChannelCount}", nameof(modules));
        }

        Origin = origin;
        DetectorId = detectorId;
        Geometry = geometry;
        Modules = modules;
    }

    /// <summary>The file (or description) it was read from.</summary>
    public string Origin { get; }

    /// <summary>Detector id, as in the data packets (0..65535).</summary>
    public int DetectorId { get; }

    /// <summary>The image and its modules, in file order.</summary>
    public DetectorGeometry Geometry { get; }

    /// <summary>The modules, in file order (same order as <see cref="DetectorGeometry.Modules"/>).</summary>
    public IReadOnlyList<ModuleTopology> Modules { get; }

    /// <summary>Reads a topology file.</summary>
    /// <exception cref="TopologyException">The file cannot be read or describes no valid detector.</exception>
    public static DetectorTopology Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new TopologyException(path, 0, $"cannot read the file: {exception.Message}", exception);
        }

        return Parse(text, path);
    }

    /// <summary>Parses topology YAML; <paramref name="origin"/> names it in error messages.</summary>
    /// <exception cref="TopologyException">The text describes no valid detector.</exception>
    public static DetectorTopology Parse(string text, string origin) => new TopologyParser(origin).Parse(text);
}

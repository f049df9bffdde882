using DetectorDaq.Frames;

namespace DetectorDaq.Receiver.Topology;

/// <summary>One module of a <see cref="DetectorTopology"/>: its controller, its data port and where it sits in the image.</summary>
public sealed record ModuleTopology
{
    /// <summary>Module id, as in the data packets (0..65535).</summary>
    public required int ModuleId { get; init; }

    /// <summary>Controller host name or address (control connection).</summary>
    public required string ControllerHost { get; init; }

    /// <summary>Controller TCP control port, 1..65535.</summary>
    public required int ControllerPort { get; init; }

    /// <summary>UDP port the host listens on for this module's data, 0..65535 (0 = any free port).</summary>
    public required int DataPort { get; init; }

    /// <summary>The module's chips; the channel count is their sum, in this order.</summary>
    public required IReadOnlyList<ChipGroup> Chips { get; init; }

    /// <summary>Where the module's channels sit in the detector image.</summary>
    public required ModuleGeometry Geometry { get; init; }

    /// <summary>Channels of the module (= rows × columns).</summary>
    public int ChannelCount => Chips.Sum(chip => chip.ChannelCount);
}

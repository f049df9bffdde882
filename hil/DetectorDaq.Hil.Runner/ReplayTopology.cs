using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Frames;
using DetectorDaq.Hil.Recordings;
using DetectorDaq.Receiver.Topology;

namespace DetectorDaq.Hil.Runner;

/// <summary>
/// The detector a recording needs: its image split into equal column strips, one module each; current
/// recordings go to DDC264 chains (64 channels per chip, at most 16 chips per module), voltage
/// recordings to ADS131M08 boards (8 channels each).
/// </summary>
public static class ReplayTopology
{
    /// <summary>Detector id the simulated detectors report.</summary>
    public const int DetectorId = 1;

    /// <summary>Module geometries and chip counts for <paramref name="recording"/> on <paramref name="modules"/> modules.</summary>
    /// <exception cref="ArgumentException">The image does not split into whole chips per module.</exception>
    public static (DetectorGeometry Geometry, int ChipsPerModule) Plan(Recording recording, int modules)
    {
        if (modules < 1 || recording.Columns % modules != 0)
        {
            throw new ArgumentException($"{recording.Columns} columns do not split into {modules} equal modules");
        }

        var geometry = DetectorGeometry.ColumnStrips(recording.Rows, recording.Columns, modules);
        var channels = geometry.Modules[0].ChannelCount;
        if (recording.Kind == RecordingKind.Voltage)
        {
            return channels == 8
                ? (geometry, 1)
                : throw new ArgumentException($"a voltage recording needs 8 channels per module (one ADS131M08), not {channels}: use {recording.ChannelCount / 8} modules");
        }

        if (channels % 64 != 0 || channels / 64 > 16)
        {
            throw new ArgumentException($"{channels} channels per module are not 1 to 16 whole DDC264 chips of 64 channels");
        }

        return (geometry, channels / 64);
    }

    /// <summary>The topology of simulated controllers listening on <paramref name="controlPorts"/> (loopback).</summary>
    public static DetectorTopology Build(Recording recording, DetectorGeometry geometry, int chipsPerModule, IReadOnlyList<int> controlPorts)
    {
        var kind = recording.Kind == RecordingKind.Voltage ? ChipKind.Ads131m08 : ChipKind.Ddc264;
        var modules = geometry.Modules.Select((module, i) => new ModuleTopology
        {
            ModuleId = module.ModuleId,
            ControllerHost = "127.0.0.1",
            ControllerPort = controlPorts[i],
            DataPort = 0,
            Chips = [new ChipGroup(kind, chipsPerModule)],
            Geometry = module,
        }).ToArray();
        return new DetectorTopology($"replay of {recording.Source}", DetectorId, geometry, modules);
    }
}

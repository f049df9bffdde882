using DetectorDaq.Acquisition;
using DetectorDaq.Calibration.Constants;
using DetectorDaq.Receiver.Topology;
using DetectorDaq.Hil.Recordings;

namespace DetectorDaq.Hil.Runner;

/// <summary>What to replay and where the result goes.</summary>
/// <param name="Recording">The signals to play.</param>
/// <param name="Modules">Detector modules (one simulated controller each) the recording's columns are split into.</param>
/// <param name="Acquisition">File, stream and transport settings of the host side.</param>
public sealed record ReplayRequest(Recording Recording, int Modules, AcquisitionOptions Acquisition)
{
    /// <summary>
    /// The DDC264 chips of module i (0-based, in column order) for current recordings; null for ideal chips,
    /// which preserve the recording up to quantisation.
    /// </summary>
    public Func<int, Hil.Chips.Ddc264.Ddc264ModuleModel>? Ddc264Models { get; init; }

    /// <summary>Called with the controllers once they are built and before the run starts, for injecting faults from the first frame.</summary>
    public Action<IReadOnlyList<Controller.SimulatedController>>? Prepared { get; init; }

    /// <summary>
    /// Calibration constants per module id for the run's topology (its controllers answer on their
    /// control ports by then), so the calibration chain runs in the stream; null for none.
    /// </summary>
    public Func<DetectorTopology, IReadOnlyDictionary<int, CalibrationConstants>>? Constants { get; init; }

    /// <summary>Called with the controllers once they stream, for injecting faults mid-run.</summary>
    public Action<IReadOnlyList<Controller.SimulatedController>>? Started { get; init; }
}

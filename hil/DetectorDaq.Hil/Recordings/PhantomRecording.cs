using DetectorDaq.Frames;
using DetectorDaq.Hil.Controller;

namespace DetectorDaq.Hil.Recordings;

/// <summary>
/// The built-in recording of scenarios (<c>builtin:phantom</c>): a CT scan of a rotating off-centre
/// cylinder in air, as input currents — the first 5 % of the frames dark (no beam), the next 5 % flat
/// (beam, no object), the rest projections.
/// </summary>
public static class PhantomRecording
{
    /// <summary>Dark current of every channel: leakage with the beam off.</summary>
    public static readonly UnitsNet.ElectricCurrent DarkCurrent = UnitsNet.ElectricCurrent.FromNanoamperes(5);

    /// <summary>A phantom scan of <paramref name="frames"/> frames of <paramref name="rows"/> × <paramref name="columns"/>.</summary>
    public static Recording Create(int rows, int columns, int frames, long samplePeriodNanoseconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 3);
        var references = Math.Max(1, frames / 20);
        var channels = rows * columns;
        var cylinder = SimulatedSignals.RotatingCylinder(columns);
        var signal = new double[frames * channels];
        var keys = new ImageKey[frames];
        for (var frame = 0; frame < frames; frame++)
        {
            keys[frame] = frame < references ? ImageKey.Dark : frame < 2 * references ? ImageKey.Flat : ImageKey.Projection;
            for (var channel = 0; channel < channels; channel++)
            {
                var current = keys[frame] switch
                {
                    ImageKey.Dark => DarkCurrent,
                    ImageKey.Flat => SimulatedSignals.AirCurrent + DarkCurrent,
                    _ => cylinder(channel % columns, frame - (2 * references)) + DarkCurrent,
                };
                signal[(frame * channels) + channel] = current.Amperes;
            }
        }

        return new Recording(RecordingKind.Current, samplePeriodNanoseconds, rows, columns, signal, keys, source: "builtin:phantom");
    }
}

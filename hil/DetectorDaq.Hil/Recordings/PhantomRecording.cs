using DetectorDaq.Frames;
using DetectorDaq.Hil.Controller;

namespace DetectorDaq.Hil.Recordings;

/// <summary>
/// The built-in recording of scenarios (<c>builtin:phantom</c>): a CT scan of a rotating off-centre
/// cylinder in air, as input currents — the first 5 % of the frames dark (no beam), the next 5 % flat
/// (beam, no object; in equal parts at each of the flat levels, for a nonlinearity calibration), the rest projections.
/// </summary>
public static class PhantomRecording
{
    /// <summary>Dark current of every channel: leakage with the beam off.</summary>
    public static readonly UnitsNet.ElectricCurrent DarkCurrent = UnitsNet.ElectricCurrent.FromNanoamperes(5);

    /// <summary>
    /// A phantom scan of <paramref name="frames"/> frames of <paramref name="rows"/> × <paramref name="columns"/>;
    /// the flats at <paramref name="flatLevels"/> (fractions (0, 1] of <see cref="SimulatedSignals.AirCurrent"/>, in order;
    /// default one level at full air current).
    /// </summary>
    /// <exception cref="ArgumentException">A flat level is outside (0, 1], or there are more levels than flat frames.</exception>
    public static Recording Create(int rows, int columns, int frames, long samplePeriodNanoseconds, IReadOnlyList<double>? flatLevels = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 3);
        var references = Math.Max(1, frames / 20);
        var levels = flatLevels ?? [1.0];
        if (levels.Count == 0 || levels.Count > references || levels.Any(level => !(level > 0 && level <= 1)))
        {
            throw new ArgumentException($"flat levels [{string.Join(", ", levels)}] must be 1 to {references} fractions in (0, 1] of the air current");
        }

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
                    ImageKey.Flat => (levels[(frame - references) * levels.Count / references] * SimulatedSignals.AirCurrent) + DarkCurrent,
                    _ => cylinder(channel % columns, frame - (2 * references)) + DarkCurrent,
                };
                signal[(frame * channels) + channel] = current.Amperes;
            }
        }

        return new Recording(RecordingKind.Current, samplePeriodNanoseconds, rows, columns, signal, keys, source: "builtin:phantom");
    }
}

using DetectorDaq.Hil.Signals;
using UnitsNet;

namespace DetectorDaq.Hil.Controller;

/// <summary>
/// Default inputs of a simulated controller when no recording is played: a slow sine per ADS131M08
/// channel, and for the DDC264 chain a detector row looking at a rotating off-centre cylinder
/// (air around it, so flats and darks have something to differ from).
/// </summary>
public static class SimulatedSignals
{
    /// <summary>Peak of the ADS131M08 sines, a third of the ±1.2 V full scale.</summary>
    public static readonly ElectricPotential SineAmplitude = ElectricPotential.FromMillivolts(400);

    /// <summary>Photocurrent of an unattenuated channel.</summary>
    public static readonly ElectricCurrent AirCurrent = ElectricCurrent.FromNanoamperes(800);

    /// <summary>ADS131M08 inputs: channel n carries a sine of (n + 1) cycles per 4000 conversions.</summary>
    public static VoltageSignal Sines { get; } = (channel, sampleIndex) =>
        SineAmplitude * Math.Sin(2 * Math.PI * (channel + 1) * sampleIndex / 4000.0);

    /// <summary>DDC264 inputs for a row of <paramref name="channels"/> channels.</summary>
    public static CurrentSignal RotatingCylinder(int channels) => (channel, frameIndex) =>
    {
        var angle = 2 * Math.PI * frameIndex / 720.0;
        var centre = (channels / 2.0) + (channels / 6.0 * Math.Cos(angle));
        var radius = channels / 5.0;
        var distance = Math.Abs(channel + 0.5 - centre);
        var path = distance < radius ? 2 * Math.Sqrt((radius * radius) - (distance * distance)) : 0;
        return AirCurrent * Math.Exp(-0.02 * path);
    };
}

using DetectorDaq.Firmware.Controller;
using DetectorDaq.Firmware.Hardware;

namespace DetectorDaq.Hil.Controller;

/// <summary>Board temperature of a simulated controller: 31.5 °C with a ±0.5 °C swing over ten minutes.</summary>
public sealed class SimulatedTemperature(IClock clock) : ITemperatureSensor
{
    /// <inheritdoc/>
    public int ReadMilliCelsius() => 31500 + (int)(500 * Math.Sin(2 * Math.PI * clock.NowNanoseconds / 600e9));
}

using System.Globalization;
using DetectorDaq.Firmware.Controller;

namespace DetectorDaq.Firmware.Net.Board;

/// <summary>Board temperature from a Linux thermal zone (<c>/sys/class/thermal/thermal_zone0/temp</c>, milli-°C).</summary>
public sealed class LinuxThermalZone(string path = "/sys/class/thermal/thermal_zone0/temp") : ITemperatureSensor
{
    /// <inheritdoc/>
    /// <exception cref="IOException">The zone is missing or does not hold a number.</exception>
    public int ReadMilliCelsius()
    {
        var text = File.ReadAllText(path).Trim();
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new IOException($"thermal zone {path} holds '{text}', not milli-degrees");
    }
}

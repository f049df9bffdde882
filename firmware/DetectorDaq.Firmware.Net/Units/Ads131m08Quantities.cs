using DetectorDaq.Firmware.Interfaces;
using UnitsNet;
using AdsDriver = DetectorDaq.Firmware.Ads131m08.Ads131m08;

namespace DetectorDaq.Firmware.Net.Units;

/// <summary>
/// UnitsNet quantities for the ADS131M08 driver (dotnet/iot convention: physical units on public APIs,
/// raw codes beside them). The portable core cannot reference UnitsNet, so the quantities live here.
/// </summary>
public static class Ads131m08Quantities
{
    private const int ChannelCount = 8;

    /// <summary>
    /// Input voltage of a 24-bit two's-complement <paramref name="code"/> (−8388608…8388607) at
    /// <paramref name="gain"/>: full scale ±1.2 V / gain with the internal 1.2 V reference, one code =
    /// 1.2 V / gain / 2^23 (SBAS950 §8.5.1.4, Table 8-3).
    /// </summary>
    public static ElectricPotential ToVoltage(int code, PgaGain gain) =>
        ElectricPotential.FromVolts(AdsDriver.CodeToVolts(code, gain));

    /// <summary>
    /// Waits up to <paramref name="timeoutMilliseconds"/> for DRDY, reads one data frame and writes the
    /// eight channel voltages to <paramref name="voltages"/> (channel order), scaled by each channel's
    /// PGA gain as read back from GAIN1/GAIN2. False when DRDY stayed high.
    /// </summary>
    /// <remarks>
    /// Reads the gains before waiting for DRDY, so a frame is never scaled by a gain set after it was read;
    /// that costs eight register reads per call, so stream raw codes through <see cref="AdsDriver.TryReadFrame"/>
    /// and convert with <see cref="ToVoltage"/> when every frame counts.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="voltages"/> holds fewer than 8 entries.</exception>
    /// <exception cref="DetectorDaq.Firmware.Ads131m08.Ads131m08Exception">A CRC or answer error on the bus.</exception>
    public static bool TryReadVoltages(this AdsDriver adc, ElectricPotential[] voltages, int timeoutMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(adc);
        ArgumentNullException.ThrowIfNull(voltages);
        if (voltages.Length < ChannelCount)
        {
            throw new ArgumentException("The voltage buffer must hold 8 channels.", nameof(voltages));
        }

        var gains = new PgaGain[ChannelCount];
        for (var channel = 0; channel < ChannelCount; channel++)
        {
            gains[channel] = adc.ReadGain(channel);
        }

        var samples = new int[ChannelCount];
        if (!adc.TryReadFrame(samples, out _, timeoutMilliseconds))
        {
            return false;
        }

        for (var channel = 0; channel < ChannelCount; channel++)
        {
            voltages[channel] = ToVoltage(samples[channel], gains[channel]);
        }

        return true;
    }
}

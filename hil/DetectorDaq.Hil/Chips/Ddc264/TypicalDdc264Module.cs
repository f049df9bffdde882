using System.Text;
using DetectorDaq.Hil.Signals;

namespace DetectorDaq.Hil.Chips.Ddc264;

/// <summary>
/// A typical production DDC264 module in the 150 pC range and 20-bit format the firmware configures:
/// a pedestal with a channel-to-channel spread, the datasheet's white noise, a gain spread of a few
/// per cent, a small side-B mismatch and an integral nonlinearity within the datasheet's. Everything
/// random is drawn from one seed, so a module (and its serial number, <see cref="SeedFor"/>) always
/// looks the same. Made for calibration: a healthy module on which no channel is bad.
/// </summary>
/// <remarks>
/// Noise: TI SBAS368 (DDC264 datasheet), Features: "Low Noise: 6.3 ppm of FSR" rms, i.e. 6.6 codes of
/// the 2^20-code full scale. Pedestal, its spread and the gain spread are modelling choices, not datasheet
/// values: a pedestal keeps small negative inputs on scale, and a few per cent of gain spread is what the
/// photodiodes and integration capacitors of a module add (UNCONFIRMED). INL: SBAS368 gives
/// ±0.025 % of reading ±1.0 ppm of FSR; the model bows by 0.0125 % of full scale at mid-range, which is
/// 0.025 % of that reading.
/// </remarks>
public static class TypicalDdc264Module
{
    /// <summary>Codes of full scale in the 20-bit format.</summary>
    public const double FullScaleCodes = 1 << 20;

    /// <summary>White noise of each integrator side, ppm of full scale rms (SBAS368 Features).</summary>
    public const double NoisePpmOfFullScale = 6.3;

    /// <summary>White noise of each integrator side, codes rms: <see cref="NoisePpmOfFullScale"/> of 2^20 codes.</summary>
    public const double NoiseRmsCodes = NoisePpmOfFullScale * 1e-6 * FullScaleCodes;

    /// <summary>Mean pedestal (the code at zero charge), codes.</summary>
    public const double PedestalCodes = 4096;

    /// <summary>Half-width of the pedestal's channel-to-channel spread, codes: pedestals are uniform in the mean ± this.</summary>
    public const double PedestalSpreadCodes = 250;

    /// <summary>Standard deviation of the relative gain from channel to channel (0.015 = 1.5 %).</summary>
    public const double GainSpread = 0.015;

    /// <summary>Offset of side B against side A, codes.</summary>
    public const double SideBOffsetCodes = 3;

    /// <summary>Relative gain of side B against side A.</summary>
    public const double SideBGainError = 5e-4;

    /// <summary>Peak bow of the transfer curve at mid-range, fraction of full scale.</summary>
    public const double IntegralNonlinearity = 1.25e-4;

    /// <summary>A module of <paramref name="channels"/> channels (64 per chip) drawn from <paramref name="seed"/>.</summary>
    public static Ddc264ModuleModel Create(int channels, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        var side = new TransferFunction(PedestalCodes, GainError: 0, IntegralNonlinearity, NoiseRmsCodes, seed);
        var defects = new ChannelDefects(channels)
        {
            SideBOffsetCodes = SideBOffsetCodes,
            SideBGainError = SideBGainError,
        };
        var random = new Random(seed);
        for (var channel = 0; channel < channels; channel++)
        {
            // Uniform, not normal: a module that passed screening has bounded pedestals, without a normal tail.
            defects.SetOffset(channel, PedestalSpreadCodes * ((2 * random.NextDouble()) - 1));
            defects.SetGainError(channel, GainSpread * TransferFunction.Gaussian(random));
        }

        return new Ddc264ModuleModel(side, side, defects);
    }

    /// <summary>
    /// A seed from <paramref name="serialNumber"/> that is the same in every process (FNV-1a of its
    /// UTF-8 bytes; <see cref="string.GetHashCode()"/> changes from run to run).
    /// </summary>
    public static int SeedFor(string serialNumber)
    {
        ArgumentNullException.ThrowIfNull(serialNumber);
        var hash = 2166136261u;
        foreach (var value in Encoding.UTF8.GetBytes(serialNumber))
        {
            hash = unchecked((hash ^ value) * 16777619u);
        }

        return unchecked((int)hash);
    }
}

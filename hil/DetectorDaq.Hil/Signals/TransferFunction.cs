namespace DetectorDaq.Hil.Signals;

/// <summary>
/// The analogue imperfections of a virtual ADC channel, applied between the physical input and the
/// output code: gain error, offset, integral nonlinearity, white noise, quantisation and saturation.
/// <see cref="Ideal"/> has none of them, so a conversion is exact up to quantisation.
/// </summary>
/// <param name="OffsetCodes">Offset added to the code, in LSB.</param>
/// <param name="GainError">Relative gain error (0.01 = +1 %).</param>
/// <param name="IntegralNonlinearity">
/// Peak bow of the transfer curve as a fraction of full scale: zero at both ends of the range, this
/// value at mid-range.
/// </param>
/// <param name="NoiseRmsCodes">Standard deviation of additive white noise, in LSB.</param>
/// <param name="Seed">Seed of the noise generator, so runs are reproducible.</param>
public sealed record TransferFunction(double OffsetCodes, double GainError, double IntegralNonlinearity, double NoiseRmsCodes, int Seed = 1)
{
    /// <summary>No offset, no gain error, no nonlinearity, no noise.</summary>
    public static TransferFunction Ideal { get; } = new(0, 0, 0, 0);

    /// <summary>True when the conversion is exact up to quantisation.</summary>
    public bool IsIdeal => OffsetCodes == 0 && GainError == 0 && IntegralNonlinearity == 0 && NoiseRmsCodes == 0;

    /// <summary>
    /// Converts <paramref name="fraction"/> of full scale into a code. A bipolar converter takes
    /// −1…1 and returns codes in <paramref name="minimumCode"/>…<paramref name="maximumCode"/> with 0 at
    /// zero input; a unipolar one takes 0…1 and maps 0 to <paramref name="minimumCode"/>.
    /// Out-of-range results saturate at the range ends.
    /// </summary>
    public long Convert(double fraction, long minimumCode, long maximumCode, bool bipolar, Random noise)
    {
        var span = bipolar ? maximumCode + 1.0 : maximumCode - minimumCode + 1.0;
        var ideal = bipolar ? fraction * span : minimumCode + (fraction * span);
        var position = bipolar ? Math.Clamp(fraction, -1, 1) : Math.Clamp(fraction, 0, 1);
        var bow = bipolar ? 1 - (position * position) : 4 * position * (1 - position);
        var code = (ideal * (1 + GainError)) + OffsetCodes + (IntegralNonlinearity * span * bow);
        if (NoiseRmsCodes > 0)
        {
            code += NoiseRmsCodes * Gaussian(noise);
        }

        var rounded = Math.Round(code, MidpointRounding.AwayFromZero);
        return (long)Math.Clamp(rounded, minimumCode, maximumCode);
    }

    /// <summary>A standard normal deviate from <paramref name="random"/>.</summary>
    internal static double Gaussian(Random random)
    {
        // Box–Muller; 1 - NextDouble() avoids log(0).
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}

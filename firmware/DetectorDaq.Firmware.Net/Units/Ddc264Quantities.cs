using DetectorDaq.Firmware.Interfaces;
using UnitsNet;

namespace DetectorDaq.Firmware.Net.Units;

/// <summary>UnitsNet quantities for DDC264 samples.</summary>
public static class Ddc264Quantities
{
    /// <summary>
    /// Integrated charge of a unipolar DDC264 <paramref name="code"/> (0…2^16−1 at
    /// <see cref="Ddc264Format.Bits16"/>, 0…2^20−1 at <see cref="Ddc264Format.Bits20"/>): code 0 is
    /// 0 C and 2^bits would be the full-scale <paramref name="range"/> (12.5, 50, 100 or 150 pC;
    /// SBAS368 configuration register bits 10:9), so one code is range / 2^bits.
    /// </summary>
    /// <remarks>
    /// Straight binary with zero at code 0 is UNCONFIRMED for the DDC264 (chips.md: the sibling DDC232
    /// shows a small positive test-mode offset); per-channel offset and gain calibration belong on top.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="code"/> is outside the format's range, or the range or format is unknown.</exception>
    public static ElectricCharge ToCharge(int code, Ddc264Range range, Ddc264Format format)
    {
        var bits = format switch
        {
            Ddc264Format.Bits16 => 16,
            Ddc264Format.Bits20 => 20,
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown DDC264 output format"),
        };
        var codes = 1 << bits;
        if (code < 0 || code >= codes)
        {
            throw new ArgumentOutOfRangeException(nameof(code), code, $"a {bits}-bit DDC264 code lies in 0…{codes - 1}");
        }

        return ElectricCharge.FromPicocoulombs(code * FullScalePicocoulombs(range) / codes);
    }

    /// <summary>Full-scale charge of <paramref name="range"/> (SBAS368 Table 9).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is unknown.</exception>
    public static ElectricCharge FullScale(Ddc264Range range) => ElectricCharge.FromPicocoulombs(FullScalePicocoulombs(range));

    /// <summary>Full-scale charge of <paramref name="range"/> in picocoulombs (SBAS368 Table 9).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is unknown.</exception>
    public static double FullScalePicocoulombs(Ddc264Range range) => range switch
    {
        Ddc264Range.Range12p5PicoCoulomb => 12.5,
        Ddc264Range.Range50PicoCoulomb => 50,
        Ddc264Range.Range100PicoCoulomb => 100,
        Ddc264Range.Range150PicoCoulomb => 150,
        _ => throw new ArgumentOutOfRangeException(nameof(range), range, "unknown DDC264 range"),
    };
}

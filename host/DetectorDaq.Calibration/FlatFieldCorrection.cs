using System.Numerics.Tensors;

namespace DetectorDaq.Calibration;

/// <summary>
/// Flat-field normalisation N = (P − D̄) / max(F̄ − D̄, ε) with ε = 1e-6, computed in float32
/// (TomoPy <c>normalize</c> / httomo convention), optionally followed by −ln(N).
/// </summary>
/// <remarks>
/// −ln(N) follows TomoPy's <c>minus_log</c> and IEEE arithmetic: N = 0 gives +∞ and N &lt; 0 gives NaN.
/// Such pixels (dead, saturated or noisy below the dark level) stay visible in the output instead of
/// being hidden behind an arbitrary clamp; a later bad-pixel step replaces them.
/// </remarks>
public sealed class FlatFieldCorrection
{
    /// <summary>Smallest denominator F̄ − D̄, so pixels without flat signal do not divide by zero.</summary>
    public const float MinimumDenominator = 1e-6f;

    private readonly float[] _meanDark;
    private readonly float[] _meanFlat;
    private readonly float[] _denominator;

    /// <summary>Creates the correction from per-pixel means of darks and flats (same length).</summary>
    /// <exception cref="ArgumentException">The means differ in length or are empty.</exception>
    public FlatFieldCorrection(ReadOnlySpan<float> meanDark, ReadOnlySpan<float> meanFlat)
    {
        if (meanDark.Length != meanFlat.Length || meanDark.IsEmpty)
        {
            throw new ArgumentException($"dark mean has {meanDark.Length} pixels and flat mean {meanFlat.Length}; they must be equal and non-zero");
        }

        _meanDark = meanDark.ToArray();
        _meanFlat = meanFlat.ToArray();
        _denominator = new float[_meanDark.Length];
        for (var i = 0; i < _denominator.Length; i++)
        {
            _denominator[i] = MathF.Max(_meanFlat[i] - _meanDark[i], MinimumDenominator);
        }
    }

    /// <summary>Pixels per image.</summary>
    public int PixelCount => _meanDark.Length;

    /// <summary>Per-pixel mean of the dark frames, D̄.</summary>
    public ReadOnlySpan<float> MeanDark => _meanDark;

    /// <summary>Per-pixel mean of the flat frames, F̄.</summary>
    public ReadOnlySpan<float> MeanFlat => _meanFlat;

    /// <summary>Builds the correction from the mean of <paramref name="darks"/> and of <paramref name="flats"/> (accumulated in double).</summary>
    /// <exception cref="ArgumentException">A set is empty or a frame has another pixel count.</exception>
    public static FlatFieldCorrection FromFrames(IEnumerable<float[]> darks, IEnumerable<float[]> flats, int pixelCount)
    {
        var dark = new ReferenceAccumulator(pixelCount);
        var flat = new ReferenceAccumulator(pixelCount);
        foreach (var frame in darks)
        {
            dark.Add(frame);
        }

        foreach (var frame in flats)
        {
            flat.Add(frame);
        }

        return FromAccumulators(dark, flat);
    }

    /// <summary>Builds the correction from accumulated darks and flats.</summary>
    /// <exception cref="ArgumentException">An accumulator holds no frame or they differ in size.</exception>
    public static FlatFieldCorrection FromAccumulators(ReferenceAccumulator darks, ReferenceAccumulator flats)
    {
        if (darks.Count == 0 || flats.Count == 0)
        {
            throw new ArgumentException($"flat-field correction needs at least one dark and one flat frame, got {darks.Count} darks and {flats.Count} flats");
        }

        var meanDark = new float[darks.PixelCount];
        var meanFlat = new float[flats.PixelCount];
        darks.Mean(meanDark);
        flats.Mean(meanFlat);
        return new FlatFieldCorrection(meanDark, meanFlat);
    }

    /// <summary>Normalises one projection of values into <paramref name="output"/> (which may be the projection itself); with <paramref name="minusLog"/> writes −ln(N).</summary>
    /// <exception cref="ArgumentException">A span does not have <see cref="PixelCount"/> elements.</exception>
    public void Apply(ReadOnlySpan<float> projection, Span<float> output, bool minusLog)
    {
        CheckLengths(projection.Length, output.Length);
        TensorPrimitives.Subtract(projection, _meanDark, output);
        TensorPrimitives.Divide(output, _denominator, output);
        if (minusLog)
        {
            MinusLog(output);
        }
    }

    /// <summary>Normalises one projection of raw codes into <paramref name="output"/>; with <paramref name="minusLog"/> writes −ln(N).</summary>
    /// <exception cref="ArgumentException">A span does not have <see cref="PixelCount"/> elements.</exception>
    public void Apply(ReadOnlySpan<int> projection, Span<float> output, bool minusLog)
    {
        CheckLengths(projection.Length, output.Length);
        TensorPrimitives.ConvertTruncating<int, float>(projection, output);
        Apply(output, output, minusLog);
    }

    /// <summary>−ln of every value in place, with the IEEE results the remarks promise (0 → +∞, negative → NaN).</summary>
    internal static void MinusLog(Span<float> values)
    {
        TensorPrimitives.Log(values, values);
        TensorPrimitives.Negate(values, values);
    }

    private void CheckLengths(int projection, int output)
    {
        if (projection != PixelCount || output != PixelCount)
        {
            throw new ArgumentException($"projection has {projection} pixels and output {output}, expected {PixelCount}");
        }
    }
}

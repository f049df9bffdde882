namespace DetectorDaq.Calibration;

/// <summary>
/// Per-pixel running sum of reference frames (darks or flats) in double, so that the mean of
/// thousands of frames keeps float32 precision. Memory: one double per pixel.
/// </summary>
public sealed class ReferenceAccumulator
{
    private readonly double[] _sum;

    /// <summary>Creates an empty accumulator for images of <paramref name="pixelCount"/> pixels.</summary>
    public ReferenceAccumulator(int pixelCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pixelCount, 1);
        _sum = new double[pixelCount];
    }

    /// <summary>Pixels per image.</summary>
    public int PixelCount => _sum.Length;

    /// <summary>Frames added so far.</summary>
    public int Count { get; private set; }

    /// <summary>Adds one frame of raw codes.</summary>
    /// <exception cref="ArgumentException">The frame does not have <see cref="PixelCount"/> pixels.</exception>
    public void Add(ReadOnlySpan<int> frame)
    {
        CheckLength(frame.Length);
        for (var i = 0; i < _sum.Length; i++)
        {
            _sum[i] += frame[i];
        }

        Count++;
    }

    /// <summary>Adds one frame of values.</summary>
    /// <exception cref="ArgumentException">The frame does not have <see cref="PixelCount"/> pixels.</exception>
    public void Add(ReadOnlySpan<float> frame)
    {
        CheckLength(frame.Length);
        for (var i = 0; i < _sum.Length; i++)
        {
            _sum[i] += frame[i];
        }

        Count++;
    }

    /// <summary>Writes the per-pixel mean (float32) into <paramref name="mean"/>.</summary>
    /// <exception cref="InvalidOperationException">No frame was added.</exception>
    public void Mean(Span<float> mean)
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("no reference frame was added, so there is no mean");
        }

        CheckLength(mean.Length);
        for (var i = 0; i < _sum.Length; i++)
        {
            mean[i] = (float)(_sum[i] / Count);
        }
    }

    /// <summary>Forgets every frame added.</summary>
    public void Clear()
    {
        Array.Clear(_sum);
        Count = 0;
    }

    private void CheckLength(int length)
    {
        if (length != _sum.Length)
        {
            throw new ArgumentException($"frame has {length} pixels, expected {_sum.Length}");
        }
    }
}

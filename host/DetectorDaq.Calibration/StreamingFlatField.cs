using DetectorDaq.Frames;

namespace DetectorDaq.Calibration;

/// <summary>
/// Flat-field correction inside the acquisition stream: darks and flats are accumulated as they
/// arrive (by <see cref="ImageKey"/>, in any number of blocks), projections are corrected with the
/// references seen so far. Memory: two double and three float per pixel, whatever the run length.
/// </summary>
public sealed class StreamingFlatField
{
    private readonly ReferenceAccumulator _darks;
    private readonly ReferenceAccumulator _flats;
    private FlatFieldCorrection? _correction;

    /// <summary>Creates a corrector for images of <paramref name="pixelCount"/> pixels.</summary>
    public StreamingFlatField(int pixelCount)
    {
        _darks = new ReferenceAccumulator(pixelCount);
        _flats = new ReferenceAccumulator(pixelCount);
    }

    /// <summary>Pixels per image.</summary>
    public int PixelCount => _darks.PixelCount;

    /// <summary>Dark frames accumulated.</summary>
    public int DarkCount => _darks.Count;

    /// <summary>Flat frames accumulated.</summary>
    public int FlatCount => _flats.Count;

    /// <summary>True once at least one dark and one flat arrived, so projections can be corrected.</summary>
    public bool IsReady => DarkCount > 0 && FlatCount > 0;

    /// <summary>
    /// Takes one frame: a dark or flat is accumulated (and false returned); a projection is corrected
    /// into <paramref name="output"/> when <see cref="IsReady"/> (true returned), otherwise false.
    /// </summary>
    /// <exception cref="ArgumentException">The frame or output does not have <see cref="PixelCount"/> pixels.</exception>
    public bool Process(ImageKey imageKey, ReadOnlySpan<int> codes, Span<float> output, bool minusLog)
    {
        switch (imageKey)
        {
            case ImageKey.Dark:
                _darks.Add(codes);
                _correction = null;
                return false;
            case ImageKey.Flat:
                _flats.Add(codes);
                _correction = null;
                return false;
            default:
                if (!IsReady)
                {
                    return false;
                }

                _correction ??= FlatFieldCorrection.FromAccumulators(_darks, _flats);
                _correction.Apply(codes, output, minusLog);
                return true;
        }
    }

    /// <summary>Takes one detector frame; see <see cref="Process(ImageKey, ReadOnlySpan{int}, Span{float}, bool)"/>.</summary>
    public bool Process(DetectorFrame frame, Span<float> output, bool minusLog) =>
        Process(frame.ImageKey, frame.Codes, output, minusLog);

    /// <summary>Forgets all darks and flats (a new reference series starts).</summary>
    public void Reset()
    {
        _darks.Clear();
        _flats.Clear();
        _correction = null;
    }
}

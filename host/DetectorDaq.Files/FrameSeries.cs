using DetectorDaq.Calibration.Chain;
using DetectorDaq.Frames;
using PureHDF;
using PureHDF.Selections;

namespace DetectorDaq.Files;

/// <summary>
/// The frames of one kind (projections, darks or flats) in a tomography file, read as float32 in
/// batches. The frames may be spread over several blocks of one dataset (NXtomo image_key sequences).
/// </summary>
public sealed class FrameSeries
{
    /// <summary>Bytes of float32 frames one batch should hold at most; <see cref="BatchFrames"/> follows from it.</summary>
    public const int BatchBytes = 64 * 1024 * 1024;

    private readonly string _path;
    private readonly IH5Dataset? _dataset;
    private readonly int[] _indices;
    private readonly byte[]? _sides;

    internal FrameSeries(string path, ImageKey imageKey, IH5Dataset? dataset, int[] indices, int rows, int columns, byte[]? sides = null)
    {
        _path = path;
        ImageKey = imageKey;
        _dataset = dataset;
        _indices = indices;
        _sides = sides;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>What the frames show.</summary>
    public ImageKey ImageKey { get; }

    /// <summary>Frames in the series.</summary>
    public int Count => _indices.Length;

    /// <summary>Rows per frame.</summary>
    public int Rows { get; }

    /// <summary>Columns per frame.</summary>
    public int Columns { get; }

    /// <summary>Pixels per frame.</summary>
    public int PixelCount => Rows * Columns;

    /// <summary>Frames per batch so a batch stays within <see cref="BatchBytes"/> (at least 1).</summary>
    public int BatchFrames => Math.Max(1, BatchBytes / Math.Max(1, PixelCount * sizeof(float)));

    /// <summary>Index of each frame of the series in the file's frame dataset.</summary>
    public IReadOnlyList<int> FileIndices => _indices;

    /// <summary>
    /// Integrator side of each frame of the series as the file records it (0 = A, 1 = B, checked on open;
    /// NeXus <c>integrator_side</c>), or null when the file does not record sides (Data Exchange, other software).
    /// </summary>
    public IReadOnlyList<byte>? IntegratorSides => _sides;

    /// <summary>
    /// Integrator side (0 = A, 1 = B) of frame <paramref name="frame"/> of the series for constants with
    /// <paramref name="sides"/> sides: 0 for single-side constants; the recorded side where the file has
    /// one; otherwise the frame's file index modulo <paramref name="sides"/>, since the DDC264 alternates
    /// sides every conversion (which side comes first is then a guess).
    /// </summary>
    /// <param name="frame">Index in the series, 0 to <see cref="Count"/> − 1.</param>
    /// <param name="sides">Integrator sides of the constants, 1 or 2.</param>
    /// <exception cref="ArgumentOutOfRangeException">The frame lies outside the series or sides is not 1 or 2.</exception>
    public int SideOf(int frame, int sides)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frame);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(frame, Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(sides, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sides, 2);
        if (sides == 1)
        {
            return 0;
        }

        return _sides is null ? _indices[frame] % sides : _sides[frame];
    }

    /// <summary>Reads frames [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>) row-major into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range lies outside the series or the destination is too small.</exception>
    /// <exception cref="TomographyFileException">The file cannot be read (truncated, corrupt, unsupported type).</exception>
    public void Read(int first, int count, Span<float> destination)
    {
        if (first < 0 || count < 0 || first + count > Count)
        {
            throw new ArgumentOutOfRangeException(nameof(first), $"frames {first}..{first + count} lie outside the {Count} {ImageKey} frames");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, count * PixelCount, nameof(destination));
        var done = 0;
        while (done < count)
        {
            // Contiguous file indices are read as one hyperslab.
            var run = 1;
            while (done + run < count && _indices[first + done + run] == _indices[first + done] + run)
            {
                run++;
            }

            ReadRun(_indices[first + done], run, destination.Slice(done * PixelCount, run * PixelCount));
            done += run;
        }
    }

    /// <summary>Reads the whole series (Count × PixelCount floats); for large files prefer batches of <see cref="BatchFrames"/>.</summary>
    public float[] ReadAll()
    {
        var all = new float[(long)Count * PixelCount];
        Read(0, Count, all);
        return all;
    }

    /// <summary>
    /// Frames [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>) as integer codes (values
    /// rounded to the nearest), each with its integrator side for constants of <paramref name="sides"/> sides (<see cref="SideOf"/>),
    /// read in batches of <see cref="BatchFrames"/> as they are enumerated.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The range lies outside the series or sides is not 1 or 2.</exception>
    /// <exception cref="TomographyFileException">The file cannot be read.</exception>
    public IEnumerable<SidedFrame> ReadCodes(int first, int count, int sides)
    {
        if (first < 0 || count < 0 || first + count > Count)
        {
            throw new ArgumentOutOfRangeException(nameof(first), $"frames {first}..{first + count} lie outside the {Count} {ImageKey} frames");
        }

        return Batches();

        IEnumerable<SidedFrame> Batches()
        {
            var batch = new float[(long)Math.Min(BatchFrames, Math.Max(count, 1)) * PixelCount];
            for (var start = first; start < first + count; start += BatchFrames)
            {
                var frames = Math.Min(BatchFrames, first + count - start);
                Read(start, frames, batch);
                for (var i = 0; i < frames; i++)
                {
                    var codes = new int[PixelCount];
                    var values = batch.AsSpan(i * PixelCount, PixelCount);
                    for (var pixel = 0; pixel < codes.Length; pixel++)
                    {
                        codes[pixel] = (int)MathF.Round(values[pixel]);
                    }

                    yield return new SidedFrame(codes, SideOf(start + i, sides));
                }
            }
        }
    }

    private void ReadRun(int fileIndex, int frames, Span<float> destination)
    {
        var selection = new HyperslabSelection(rank: 3, starts: [(ulong)fileIndex, 0, 0], blocks: [(ulong)frames, (ulong)Rows, (ulong)Columns]);
        try
        {
            ElementConversion.ReadAsSingle(_dataset!, selection, destination);
        }
        catch (Exception exception) when (exception is not TomographyFileException and not OutOfMemoryException)
        {
            throw new TomographyFileException(_path, $"cannot read {ImageKey} frames at index {fileIndex}..{fileIndex + frames - 1} (truncated or corrupt file?): {exception.Message}", exception);
        }
    }
}

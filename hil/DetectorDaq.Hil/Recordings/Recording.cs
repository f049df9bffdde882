using DetectorDaq.Frames;

namespace DetectorDaq.Hil.Recordings;

/// <summary>
/// Signals in SI units per channel over time: <see cref="SampleCount"/> samples of a
/// <see cref="Rows"/> × <see cref="Columns"/> channel grid, one sample every
/// <see cref="SamplePeriodNanoseconds"/>, held in memory. Optional per-sample NXtomo image keys and
/// rotation angles describe CT recordings. File layout: README.md beside this file.
/// </summary>
public sealed class Recording
{
    private readonly double[] _signal;

    /// <summary>Creates a recording.</summary>
    /// <param name="kind">Current (A) or voltage (V).</param>
    /// <param name="samplePeriodNanoseconds">Time between samples, ns, &gt; 0.</param>
    /// <param name="rows">Channel grid rows, ≥ 1.</param>
    /// <param name="columns">Channel grid columns, ≥ 1.</param>
    /// <param name="signal">Values in A or V, laid out [sample, row, column] row-major; its length is a whole number of samples (≥ 1).</param>
    /// <param name="imageKeys">Per-sample image key, or null.</param>
    /// <param name="thetaDegrees">Per-sample rotation angle in degrees, or null.</param>
    /// <param name="source">Where the data came from (file name, importer), free text.</param>
    /// <param name="sourceScale">Physical units per count or per source unit applied on import; 1 when none.</param>
    /// <exception cref="ArgumentException">The sizes do not agree.</exception>
    public Recording(RecordingKind kind, long samplePeriodNanoseconds, int rows, int columns, double[] signal, ImageKey[]? imageKeys = null, double[]? thetaDegrees = null, string source = "", double sourceScale = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samplePeriodNanoseconds, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        var channels = rows * columns;
        if (signal.Length == 0 || signal.Length % channels != 0)
        {
            throw new ArgumentException($"signal of {signal.Length} values is not a whole, non-zero number of {rows} x {columns} samples");
        }

        var samples = signal.Length / channels;
        if (imageKeys is not null && imageKeys.Length != samples)
        {
            throw new ArgumentException($"{imageKeys.Length} image keys for {samples} samples");
        }

        if (thetaDegrees is not null && thetaDegrees.Length != samples)
        {
            throw new ArgumentException($"{thetaDegrees.Length} angles for {samples} samples");
        }

        Kind = kind;
        SamplePeriodNanoseconds = samplePeriodNanoseconds;
        Rows = rows;
        Columns = columns;
        SampleCount = samples;
        _signal = signal;
        ImageKeys = imageKeys;
        ThetaDegrees = thetaDegrees;
        Source = source;
        SourceScale = sourceScale;
    }

    /// <summary>Current or voltage.</summary>
    public RecordingKind Kind { get; }

    /// <summary>SI unit symbol of the values: "A" or "V".</summary>
    public string Units => Kind == RecordingKind.Current ? "A" : "V";

    /// <summary>Time between samples, ns.</summary>
    public long SamplePeriodNanoseconds { get; }

    /// <summary>Channel grid rows.</summary>
    public int Rows { get; }

    /// <summary>Channel grid columns.</summary>
    public int Columns { get; }

    /// <summary>Channels per sample (<see cref="Rows"/> × <see cref="Columns"/>).</summary>
    public int ChannelCount => Rows * Columns;

    /// <summary>Samples in time.</summary>
    public int SampleCount { get; }

    /// <summary>All values, [sample, row, column] row-major, in A or V.</summary>
    public ReadOnlySpan<double> Signal => _signal;

    /// <summary>Per-sample NXtomo image key (projection 0, flat 1, dark 2), or null when not a CT recording.</summary>
    public IReadOnlyList<ImageKey>? ImageKeys { get; }

    /// <summary>Per-sample rotation angle in degrees, or null.</summary>
    public IReadOnlyList<double>? ThetaDegrees { get; }

    /// <summary>Where the data came from.</summary>
    public string Source { get; }

    /// <summary>Units (A or V) per source count or source unit applied by the importer; 1 when none.</summary>
    public double SourceScale { get; }

    /// <summary>Value of channel (<paramref name="row"/>, <paramref name="column"/>) at <paramref name="sample"/>, A or V.</summary>
    public double Value(int sample, int row, int column) => _signal[(((long)sample * Rows) + row) * Columns + column];

    /// <summary>The values of one sample, row-major [row, column].</summary>
    public ReadOnlySpan<double> SampleValues(int sample) => _signal.AsSpan(sample * ChannelCount, ChannelCount);

    /// <summary>Mean value per channel over <paramref name="samples"/> (sample indices), A or V; zeros for none.</summary>
    public double[] MeanOf(IReadOnlyCollection<int> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var mean = new double[ChannelCount];
        foreach (var sample in samples)
        {
            var values = SampleValues(sample);
            for (var channel = 0; channel < mean.Length; channel++)
            {
                mean[channel] += values[channel] / samples.Count;
            }
        }

        return mean;
    }

    /// <summary>Sample index for a replay index <paramref name="index"/> that may run past either end.</summary>
    public int SampleAt(long index, RecordingEnd end) => end switch
    {
        RecordingEnd.Clamp => (int)Math.Clamp(index, 0, SampleCount - 1),
        _ => (int)(((index % SampleCount) + SampleCount) % SampleCount),
    };
}

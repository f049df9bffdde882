using DetectorDaq.Calibration.Constants;

namespace DetectorDaq.Calibration.Chain;

/// <summary>
/// Relative gain per channel and side from flat frames minus the dark offset (DESIGN.md §7 step 2),
/// normalised to the module median of the channels that are neither dead, stuck nor saturated.
/// Flags <see cref="BadChannelFlags.Dead"/> (signal below <see cref="BadChannelCriteria.DeadSignalFraction"/>
/// of the median) and <see cref="BadChannelFlags.Saturated"/> (a flat reached <see cref="BadChannelCriteria.SaturationCode"/>),
/// and confirms the darks' <see cref="BadChannelFlags.Stuck"/>: a channel is stuck, not dead, when every
/// flat reads the one code of its darks. A noise-free (ideal) channel has constant darks too, but its flats differ.
/// </summary>
public sealed class GainAnalysis
{
    private readonly double[] _sum;
    private readonly int[] _maximum;
    private readonly int[] _minimum;
    private readonly int[] _counts;

    /// <summary>Creates an analysis of <paramref name="channels"/> channels on <paramref name="sides"/> sides (1 or 2).</summary>
    public GainAnalysis(int channels, int sides)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sides, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sides, 2);
        ChannelCount = channels;
        Sides = sides;
        _sum = new double[channels * sides];
        _maximum = new int[channels * sides];
        Array.Fill(_maximum, int.MinValue);
        _minimum = new int[channels * sides];
        Array.Fill(_minimum, int.MaxValue);
        _counts = new int[sides];
    }

    /// <summary>Channels of the module.</summary>
    public int ChannelCount { get; }

    /// <summary>Integrator sides.</summary>
    public int Sides { get; }

    /// <summary>Adds one flat frame of <paramref name="side"/>.</summary>
    /// <exception cref="ArgumentException">The frame does not have one code per channel.</exception>
    public void Add(ReadOnlySpan<int> codes, int side)
    {
        ChannelStatistics.CheckSide(side, Sides);
        ChannelStatistics.CheckLength(codes.Length, ChannelCount);
        var start = side * ChannelCount;
        for (var channel = 0; channel < codes.Length; channel++)
        {
            _sum[start + channel] += codes[channel];
            _maximum[start + channel] = Math.Max(_maximum[start + channel], codes[channel]);
            _minimum[start + channel] = Math.Min(_minimum[start + channel], codes[channel]);
        }

        _counts[side]++;
    }

    /// <summary>Mean flat code per channel and side (NaN for a side without flats).</summary>
    public float[] FlatMean()
    {
        var mean = new float[_sum.Length];
        for (var i = 0; i < mean.Length; i++)
        {
            var count = _counts[i / ChannelCount];
            mean[i] = count == 0 ? float.NaN : (float)(_sum[i] / count);
        }

        return mean;
    }

    /// <summary>Computes gains and flags against <paramref name="dark"/>.</summary>
    /// <exception cref="ArgumentException">The dark result has another layout, or no side has flats.</exception>
    public GainResult Compute(DarkResult dark, BadChannelCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(dark);
        ArgumentNullException.ThrowIfNull(criteria);
        if (dark.Offset.Length != _sum.Length)
        {
            throw new ArgumentException($"dark result has {dark.Offset.Length} channel-sides, the flats {_sum.Length}");
        }

        var flatMean = FlatMean();
        var signal = new float[_sum.Length];
        var flags = new uint[_sum.Length];
        var usable = new List<double>(_sum.Length);
        for (var i = 0; i < signal.Length; i++)
        {
            signal[i] = flatMean[i] - dark.Offset[i];
            if (_maximum[i] >= criteria.SaturationCode)
            {
                flags[i] |= (uint)BadChannelFlags.Saturated;
            }

            if (IsStuck(dark, i))
            {
                flags[i] |= (uint)BadChannelFlags.Stuck;
            }

            if (float.IsFinite(signal[i]) && (dark.Flags[i] & (uint)BadChannelFlags.NoDarkData) == 0 && flags[i] == 0)
            {
                usable.Add(signal[i]);
            }
        }

        if (usable.Count == 0)
        {
            throw new ArgumentException("no channel has both darks and unsaturated flats; the gain cannot be normalised");
        }

        var median = ChannelStatistics.MedianInPlace(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(usable));
        var gain = new float[_sum.Length];
        for (var i = 0; i < gain.Length; i++)
        {
            gain[i] = (float)(signal[i] / median);
            var stuck = (flags[i] & (uint)BadChannelFlags.Stuck) != 0;
            if (!stuck && !(signal[i] >= criteria.DeadSignalFraction * median))
            {
                flags[i] |= (uint)BadChannelFlags.Dead;
            }
        }

        return new GainResult(gain, flatMean, signal, median, flags);
    }

    private bool IsStuck(DarkResult dark, int i) =>
        (dark.Flags[i] & (uint)BadChannelFlags.Stuck) != 0 && _minimum[i] == _maximum[i] && _maximum[i] == (int)MathF.Round(dark.Offset[i]);
}

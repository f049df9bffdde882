using DetectorDaq.Calibration.Constants;

namespace DetectorDaq.Calibration.Chain;

/// <summary>
/// Offset and noise per channel and integrator side from dark frames (DESIGN.md §7 step 1): offset is
/// the mean or median of the codes, noise their sample standard deviation. A side without frames is
/// flagged <see cref="BadChannelFlags.NoDarkData"/>; a channel reading one code in every dark frame
/// (two frames or more) is flagged <see cref="BadChannelFlags.Stuck"/> here, a candidate that
/// <see cref="GainAnalysis"/> confirms (same code in the flats) or clears (an ideal, noise-free channel).
/// </summary>
public sealed class DarkAnalysis
{
    private readonly List<int[]>[] _frames;

    /// <summary>Creates an analysis of <paramref name="channels"/> channels on <paramref name="sides"/> sides (1 or 2).</summary>
    public DarkAnalysis(int channels, int sides, OffsetEstimator estimator = OffsetEstimator.Mean)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sides, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sides, 2);
        ChannelCount = channels;
        Sides = sides;
        Estimator = estimator;
        _frames = new List<int[]>[sides];
        for (var side = 0; side < sides; side++)
        {
            _frames[side] = [];
        }
    }

    /// <summary>Channels of the module.</summary>
    public int ChannelCount { get; }

    /// <summary>Integrator sides.</summary>
    public int Sides { get; }

    /// <summary>Offset estimator in use.</summary>
    public OffsetEstimator Estimator { get; }

    /// <summary>Adds one dark frame of <paramref name="side"/> (copied; the median needs every frame).</summary>
    /// <exception cref="ArgumentException">The frame does not have one code per channel.</exception>
    public void Add(ReadOnlySpan<int> codes, int side)
    {
        ChannelStatistics.CheckSide(side, Sides);
        ChannelStatistics.CheckLength(codes.Length, ChannelCount);
        _frames[side].Add(codes.ToArray());
    }

    /// <summary>Computes offset, noise and flags from the frames added so far.</summary>
    public DarkResult Compute()
    {
        var perSide = ChannelCount * Sides;
        var offset = new float[perSide];
        var noise = new float[perSide];
        var flags = new uint[perSide];
        var counts = new int[Sides];
        for (var side = 0; side < Sides; side++)
        {
            var frames = _frames[side];
            counts[side] = frames.Count;
            var column = new double[frames.Count];
            for (var channel = 0; channel < ChannelCount; channel++)
            {
                var index = (side * ChannelCount) + channel;
                if (frames.Count == 0)
                {
                    flags[index] = (uint)BadChannelFlags.NoDarkData;
                    continue;
                }

                var sum = 0.0;
                var first = frames[0][channel];
                var constant = true;
                for (var f = 0; f < frames.Count; f++)
                {
                    var code = frames[f][channel];
                    column[f] = code;
                    sum += code;
                    constant &= code == first;
                }

                var mean = sum / frames.Count;
                var squares = 0.0;
                foreach (var value in column)
                {
                    squares += (value - mean) * (value - mean);
                }

                noise[index] = frames.Count > 1 ? (float)Math.Sqrt(squares / (frames.Count - 1)) : 0f;
                offset[index] = (float)(Estimator == OffsetEstimator.Median ? ChannelStatistics.MedianInPlace(column) : mean);
                if (constant && frames.Count > 1)
                {
                    flags[index] = (uint)BadChannelFlags.Stuck;
                }
            }
        }

        return new DarkResult(offset, noise, flags, counts);
    }
}

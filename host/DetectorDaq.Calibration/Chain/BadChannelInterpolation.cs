using DetectorDaq.Calibration.Constants;

namespace DetectorDaq.Calibration.Chain;

/// <summary>
/// Replaces bad channels by the mean of good neighbours in the module geometry (rows × columns,
/// row-major): the good 4-neighbours; where none is good, the good channels of the smallest square
/// ring (Chebyshev distance 1, 2, …) that holds one. A channel is bad when any bit but
/// <see cref="BadChannelFlags.Interpolated"/> is set. Neighbour lists are built once, so
/// <see cref="Apply"/> does not allocate.
/// </summary>
public sealed class BadChannelInterpolation
{
    private readonly int[] _bad;
    private readonly int[] _start;
    private readonly int[] _neighbours;
    private readonly bool[] _isBad;

    /// <summary>Plans the interpolation of a <paramref name="rows"/> × <paramref name="columns"/> module with <paramref name="mask"/>.</summary>
    /// <exception cref="ArgumentException">The mask does not have rows × columns entries.</exception>
    public BadChannelInterpolation(int rows, int columns, ReadOnlySpan<uint> mask)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ChannelStatistics.CheckLength(mask.Length, rows * columns);
        Rows = rows;
        Columns = columns;
        _isBad = new bool[mask.Length];
        var bad = new List<int>();
        for (var channel = 0; channel < mask.Length; channel++)
        {
            _isBad[channel] = IsBadMask(mask[channel]);
            if (_isBad[channel])
            {
                bad.Add(channel);
            }
        }

        var starts = new List<int> { 0 };
        var neighbours = new List<int>();
        var replaced = new List<int>();
        foreach (var channel in bad)
        {
            var before = neighbours.Count;
            FindNeighbours(channel, neighbours);
            if (neighbours.Count > before)
            {
                replaced.Add(channel);
                starts.Add(neighbours.Count);
            }
        }

        _bad = [.. replaced];
        _start = [.. starts];
        _neighbours = [.. neighbours];
    }

    /// <summary>Rows of the module.</summary>
    public int Rows { get; }

    /// <summary>Columns of the module.</summary>
    public int Columns { get; }

    /// <summary>Channels that <see cref="Apply"/> replaces (bad channels with at least one good channel anywhere).</summary>
    public ReadOnlySpan<int> ReplacedChannels => _bad;

    /// <summary>True when <paramref name="mask"/> marks a channel for replacement.</summary>
    public static bool IsBadMask(uint mask) => (mask & ~(uint)BadChannelFlags.Interpolated) != 0;

    /// <summary>True when <paramref name="channel"/> is bad.</summary>
    public bool IsBad(int channel) => _isBad[channel];

    /// <summary>Replaces the bad channels of <paramref name="values"/> (rows × columns) in place.</summary>
    public void Apply(Span<float> values)
    {
        ChannelStatistics.CheckLength(values.Length, _isBad.Length);
        for (var b = 0; b < _bad.Length; b++)
        {
            var sum = 0f;
            for (var n = _start[b]; n < _start[b + 1]; n++)
            {
                sum += values[_neighbours[n]];
            }

            values[_bad[b]] = sum / (_start[b + 1] - _start[b]);
        }
    }

    /// <summary>A copy of <paramref name="mask"/> with <see cref="BadChannelFlags.Interpolated"/> set on every replaced channel.</summary>
    public uint[] MarkInterpolated(ReadOnlySpan<uint> mask)
    {
        var marked = mask.ToArray();
        foreach (var channel in _bad)
        {
            marked[channel] |= (uint)BadChannelFlags.Interpolated;
        }

        return marked;
    }

    private void FindNeighbours(int channel, List<int> into)
    {
        var row = channel / Columns;
        var column = channel % Columns;
        var before = into.Count;
        AddIfGood(row - 1, column, into);
        AddIfGood(row + 1, column, into);
        AddIfGood(row, column - 1, into);
        AddIfGood(row, column + 1, into);
        for (var radius = 1; into.Count == before && radius <= Math.Max(Rows, Columns); radius++)
        {
            for (var r = row - radius; r <= row + radius; r++)
            {
                for (var c = column - radius; c <= column + radius; c++)
                {
                    if (Math.Max(Math.Abs(r - row), Math.Abs(c - column)) == radius)
                    {
                        AddIfGood(r, c, into);
                    }
                }
            }
        }
    }

    private void AddIfGood(int row, int column, List<int> into)
    {
        if (row >= 0 && row < Rows && column >= 0 && column < Columns && !_isBad[(row * Columns) + column])
        {
            into.Add((row * Columns) + column);
        }
    }
}

namespace DetectorDaq.Calibration.Chain;

/// <summary>Robust statistics shared by the analyses.</summary>
internal static class ChannelStatistics
{
    /// <summary>Scales a median absolute deviation to the σ of a normal distribution.</summary>
    public const double MadToSigma = 1.4826;

    /// <summary>Median of <paramref name="values"/>; sorts the span in place. NaN when empty.</summary>
    public static double MedianInPlace(Span<double> values)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        values.Sort();
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : 0.5 * (values[middle - 1] + values[middle]);
    }

    /// <summary>Median and MAD-based σ of <paramref name="values"/> (the span is reordered).</summary>
    public static (double Median, double Sigma) MedianAndSigma(Span<double> values)
    {
        var median = MedianInPlace(values);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Math.Abs(values[i] - median);
        }

        return (median, MadToSigma * MedianInPlace(values));
    }

    /// <summary>Checks that <paramref name="side"/> is one of <paramref name="sides"/>.</summary>
    public static void CheckSide(int side, int sides)
    {
        if (side < 0 || side >= sides)
        {
            throw new ArgumentOutOfRangeException(nameof(side), side, $"integrator side must be 0 to {sides - 1}");
        }
    }

    /// <summary>Checks that a frame has one code per channel.</summary>
    public static void CheckLength(int length, int channels)
    {
        if (length != channels)
        {
            throw new ArgumentException($"frame has {length} codes, the module has {channels} channels");
        }
    }
}

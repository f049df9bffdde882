using DetectorDaq.Calibration.Constants;

namespace DetectorDaq.Calibration.Chain;

/// <summary>
/// Builds the bad-channel mask (DESIGN.md §7 step 4) from the analyses. Bits (<see cref="BadChannelFlags"/>):
/// 0 OffsetOutOfRange (chip median ± n·σ, or hard limits), 1 NoiseOutOfRange (same for noise),
/// 2 NoDarkData, 3 GainOutOfRange, 4 NonlinearResponse, 5 Dead, 6 Stuck, 7 Saturated, 8 ValueNaN
/// (a constant is not finite). Bit 9 Interpolated is left to <see cref="BadChannelInterpolation.MarkInterpolated"/>.
/// Each side is judged on its own; the mask folds both sides per channel. Dead and Stuck name the
/// cause: a channel without charge, or frozen at one code, has an offset, noise, gain and response that
/// follow from it, so OffsetOutOfRange, NoiseOutOfRange, GainOutOfRange and NonlinearResponse are not
/// set beside them.
/// </summary>
public static class BadChannelClassifier
{
    private const BadChannelFlags Consequences =
        BadChannelFlags.OffsetOutOfRange | BadChannelFlags.NoiseOutOfRange | BadChannelFlags.GainOutOfRange | BadChannelFlags.NonlinearResponse;

    /// <summary>Classifies every channel of a module with <paramref name="channels"/> channels.</summary>
    /// <exception cref="ArgumentException">The results have different layouts.</exception>
    public static uint[] Classify(int channels, DarkResult dark, GainResult gain, NonlinearityResult? nonlinearity, BadChannelCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(dark);
        ArgumentNullException.ThrowIfNull(gain);
        ArgumentNullException.ThrowIfNull(criteria);
        var perSide = dark.Offset.Length;
        if (perSide % channels != 0 || gain.Gain.Length != perSide || (nonlinearity is not null && nonlinearity.Flags.Length != perSide))
        {
            throw new ArgumentException($"analysis results disagree on the layout: {perSide} dark, {gain.Gain.Length} gain values for {channels} channels");
        }

        var flags = new uint[perSide];
        for (var i = 0; i < perSide; i++)
        {
            // Stuck comes from the gain analysis, which confirms or clears the darks' candidate.
            flags[i] = (dark.Flags[i] & ~(uint)BadChannelFlags.Stuck) | gain.Flags[i] | (nonlinearity?.Flags[i] ?? 0);
            if (!float.IsFinite(dark.Offset[i]) || !float.IsFinite(dark.Noise[i]) || !float.IsFinite(gain.Gain[i]))
            {
                flags[i] |= (uint)BadChannelFlags.ValueNaN;
            }

            if (dark.Offset[i] < criteria.OffsetMinimumCodes || dark.Offset[i] > criteria.OffsetMaximumCodes)
            {
                flags[i] |= (uint)BadChannelFlags.OffsetOutOfRange;
            }

            if (dark.Noise[i] < criteria.NoiseMinimumCodes || dark.Noise[i] > criteria.NoiseMaximumCodes)
            {
                flags[i] |= (uint)BadChannelFlags.NoiseOutOfRange;
            }

            if (!(gain.Gain[i] >= criteria.GainMinimum && gain.Gain[i] <= criteria.GainMaximum))
            {
                flags[i] |= (uint)BadChannelFlags.GainOutOfRange;
            }
        }

        FlagOutliers(dark.Offset, dark.Flags, channels, criteria, criteria.OffsetSigmas, BadChannelFlags.OffsetOutOfRange, flags, _ => 0);

        // A noise estimated from N frames scatters by noise/√(2(N−1)) from channel to channel; the MAD of one
        // chip's 64 estimates can come out well below that, and the chi distribution has a long upper tail,
        // so the noise limit uses at least that scatter.
        FlagOutliers(dark.Noise, dark.Flags, channels, criteria, criteria.NoiseSigmas, BadChannelFlags.NoiseOutOfRange, flags,
            side => dark.FrameCounts[side] > 1 ? 1 / Math.Sqrt(2.0 * (dark.FrameCounts[side] - 1)) : 0);
        for (var i = 0; i < perSide; i++)
        {
            if ((flags[i] & (uint)(BadChannelFlags.Dead | BadChannelFlags.Stuck)) != 0)
            {
                flags[i] &= ~(uint)Consequences;
            }
        }

        var mask = new uint[channels];
        for (var i = 0; i < perSide; i++)
        {
            mask[i % channels] |= flags[i];
        }

        return mask;
    }

    // relativeScatter(side): smallest σ as a fraction of the chip median on that side.
    private static void FlagOutliers(float[] values, uint[] darkFlags, int channels, BadChannelCriteria criteria, double sigmas, BadChannelFlags flag, uint[] flags, Func<int, double> relativeScatter)
    {
        var chip = Math.Min(criteria.ChipChannels, channels);
        var scratch = new double[chip];
        for (var start = 0; start < values.Length; start += channels)
        {
            for (var first = 0; first < channels; first += chip)
            {
                var count = Math.Min(chip, channels - first);
                var used = 0;
                for (var c = 0; c < count; c++)
                {
                    var i = start + first + c;
                    if ((darkFlags[i] & (uint)BadChannelFlags.NoDarkData) == 0 && float.IsFinite(values[i]))
                    {
                        scratch[used++] = values[i];
                    }
                }

                if (used == 0)
                {
                    continue;
                }

                var (median, sigma) = ChannelStatistics.MedianAndSigma(scratch.AsSpan(0, used));
                var limit = sigmas * Math.Max(Math.Max(sigma, criteria.SigmaFloorCodes), relativeScatter(start / channels) * Math.Abs(median));
                for (var c = 0; c < count; c++)
                {
                    var i = start + first + c;
                    if (Math.Abs(values[i] - median) > limit)
                    {
                        flags[i] |= (uint)flag;
                    }
                }
            }
        }
    }
}

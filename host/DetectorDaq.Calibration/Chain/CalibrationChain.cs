using System.Numerics.Tensors;
using DetectorDaq.Calibration.Constants;

namespace DetectorDaq.Calibration.Chain;

/// <summary>
/// Applies a module's constants to raw frames (DESIGN.md §7): offset → nonlinearity → gain →
/// bad-channel interpolation → lag → normalisation (reference channel, flat field, −ln), each side
/// with its own offset, polynomial and gain. <see cref="Apply"/> allocates nothing; the lag state
/// makes the chain stateful, so frames must come in acquisition order and one chain serves one stream.
/// </summary>
public sealed class CalibrationChain
{
    private readonly CalibrationConstants _constants;
    private readonly BadChannelInterpolation _interpolation;
    private readonly LagCorrection? _lag;
    private readonly int[] _badChannels;
    private readonly float[][] _inverseGain;
    private readonly float[][][] _coefficients;
    private readonly float[] _polynomial;

    /// <summary>Creates the chain for <paramref name="constants"/>.</summary>
    /// <exception cref="ArgumentException">The constants are inconsistent or the reference channel is outside the module.</exception>
    public CalibrationChain(CalibrationConstants constants, CalibrationChainOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(constants);
        constants.Validate();
        _constants = constants;
        Options = options ?? new CalibrationChainOptions();
        if (Options.ReferenceChannel is { } reference && (reference < 0 || reference >= constants.ChannelCount))
        {
            throw new ArgumentException($"reference channel {reference} is outside module {constants.ModuleSerial} of {constants.ChannelCount} channels");
        }

        if (Options.FlatField is { } flat && flat.PixelCount != constants.ChannelCount)
        {
            throw new ArgumentException($"flat field has {flat.PixelCount} pixels, module {constants.ModuleSerial} {constants.ChannelCount} channels");
        }

        _interpolation = new BadChannelInterpolation(constants.Rows, constants.Columns, constants.BadChannels);
        _badChannels = Enumerable.Range(0, constants.ChannelCount).Where(_interpolation.IsBad).ToArray();
        _lag = Options.Lag && constants.LagAmplitudes.Length > 0 ? new LagCorrection(constants.ChannelCount, constants.LagAmplitudes, constants.LagRates) : null;
        var terms = Options.Nonlinearity ? constants.NonlinearityOrder + 1 : 1;
        // Per side, the reciprocal gains and the polynomial term by term: every step of Apply then runs
        // over contiguous channels (SIMD) instead of striding through channel-major coefficients.
        _inverseGain = new float[constants.Sides][];
        _coefficients = new float[constants.Sides][][];
        for (var side = 0; side < constants.Sides; side++)
        {
            var start = side * constants.ChannelCount;
            _inverseGain[side] = new float[constants.ChannelCount];
            TensorPrimitives.Divide(1f, constants.Gain.AsSpan(start, constants.ChannelCount), _inverseGain[side]);
            _coefficients[side] = terms > 1 ? Coefficients(constants, start, terms) : [];
        }

        _polynomial = new float[constants.ChannelCount];
    }

    /// <summary>Steps in use.</summary>
    public CalibrationChainOptions Options { get; }

    /// <summary>Constants applied.</summary>
    public CalibrationConstants Constants => _constants;

    /// <summary>Channels of a frame.</summary>
    public int ChannelCount => _constants.ChannelCount;

    /// <summary>
    /// Calibrates one frame of raw <paramref name="codes"/> (module-channel order) from integrator
    /// <paramref name="side"/> into <paramref name="output"/>: gain-corrected linear codes, or the
    /// normalised values when a reference channel or flat field is set.
    /// </summary>
    /// <exception cref="ArgumentException">A span does not have <see cref="ChannelCount"/> elements.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The side is not one of the constants' sides.</exception>
    public void Apply(ReadOnlySpan<int> codes, int side, Span<float> output)
    {
        ChannelStatistics.CheckSide(side, _constants.Sides);
        ChannelStatistics.CheckLength(codes.Length, ChannelCount);
        ChannelStatistics.CheckLength(output.Length, ChannelCount);
        TensorPrimitives.ConvertTruncating<int, float>(codes, output);
        TensorPrimitives.Subtract(output, _constants.Offset.AsSpan(side * ChannelCount, ChannelCount), output);
        if (_coefficients[side] is { Length: > 1 } terms)
        {
            // Horner: p = c_n; p = p·x + c_t for t = n−1 … 0.
            terms[^1].CopyTo(_polynomial, 0);
            for (var t = terms.Length - 2; t >= 0; t--)
            {
                TensorPrimitives.MultiplyAdd(_polynomial, output, terms[t], _polynomial);
            }

            _polynomial.CopyTo(output);
        }

        TensorPrimitives.Multiply(output, _inverseGain[side], output);
        foreach (var channel in _badChannels)
        {
            output[channel] = 0f;
        }

        if (Options.Interpolate)
        {
            _interpolation.Apply(output);
        }

        _lag?.Apply(output);
        if (Options.ReferenceChannel is { } reference)
        {
            TensorPrimitives.Multiply(output, 1f / output[reference], output);
        }

        if (Options.FlatField is { } flat)
        {
            flat.Apply(output, output, Options.MinusLog);
        }
        else if (Options.MinusLog)
        {
            FlatFieldCorrection.MinusLog(output);
        }
    }

    private static float[][] Coefficients(CalibrationConstants constants, int start, int terms)
    {
        var coefficients = new float[terms][];
        for (var t = 0; t < terms; t++)
        {
            coefficients[t] = new float[constants.ChannelCount];
            for (var channel = 0; channel < constants.ChannelCount; channel++)
            {
                coefficients[t][channel] = constants.Nonlinearity[((start + channel) * terms) + t];
            }
        }

        return coefficients;
    }

    /// <summary>Forgets the lag state (a new scan after a long pause).</summary>
    public void ResetLag() => _lag?.Reset();

    /// <summary>
    /// The flat-field normalisation for <paramref name="constants"/>: the mean of <paramref name="flats"/>
    /// run through the chain without lag, flat field or −ln (with the reference channel when given), and a
    /// dark of 0 since the chain has already removed the offset.
    /// </summary>
    /// <exception cref="ArgumentException">No flat frame was given.</exception>
    public static FlatFieldCorrection FlatFieldFrom(CalibrationConstants constants, IEnumerable<SidedFrame> flats, int? referenceChannel = null)
    {
        ArgumentNullException.ThrowIfNull(flats);
        var chain = new CalibrationChain(constants, new CalibrationChainOptions { Lag = false, ReferenceChannel = referenceChannel });
        var accumulator = new ReferenceAccumulator(chain.ChannelCount);
        var corrected = new float[chain.ChannelCount];
        foreach (var frame in flats)
        {
            chain.Apply(frame.Codes, frame.Side, corrected);
            accumulator.Add(corrected);
        }

        if (accumulator.Count == 0)
        {
            throw new ArgumentException($"flat field of module {constants.ModuleSerial} needs at least one flat frame");
        }

        var mean = new float[chain.ChannelCount];
        accumulator.Mean(mean);
        return new FlatFieldCorrection(new float[chain.ChannelCount], mean);
    }
}

using System.Numerics.Tensors;

namespace DetectorDaq.Calibration.Chain;

/// <summary>
/// Recursive afterglow/lag correction with a sum of exponentials (Hsieh, Proc. SPIE 3977, 2000;
/// DESIGN.md §7 step 5). The detector's impulse response is h(0) = 1, h(m) = Σₙ aₙ·exp(−bₙ·m) for
/// m ≥ 1 frames, with amplitudes aₙ (<see cref="Constants.CalibrationConstants.LagAmplitudes"/>) and
/// rates bₙ per frame (<see cref="Constants.CalibrationConstants.LagRates"/>). Per channel and term a
/// state Sₙ holds the exponentially weighted sum of the corrected past, so each frame costs O(N):
/// <code>
///   c(k)   = Σₙ aₙ·exp(−bₙ)·Sₙ(k−1)
///   y(k)   = x(k) − c(k)
///   Sₙ(k)  = y(k) + exp(−bₙ)·Sₙ(k−1)
/// </code>
/// This is the recursion of RTK's LagCorrectionImageFilter (RTKConsortium/RTK,
/// code/rtkLagCorrectionImageFilter.txx, ThreadedGenerateData, commit 3078de11: m_bexpma = B·exp(−A),
/// xk = x − Σ m_bexpma·S, S = xk + m_expma·S), where RTK's B are our amplitudes aₙ and its A our rates
/// bₙ. RTK clamps y to 0…65535 for its 16-bit panels; here values are calibrated floats, so there is no clamp.
/// </summary>
public sealed class LagCorrection
{
    private readonly float[] _decay;
    private readonly float[] _weight;
    private readonly float[][] _state;
    private readonly float[] _lag;

    /// <summary>Creates the correction of <paramref name="channels"/> channels with the model's amplitudes and rates (per frame).</summary>
    /// <exception cref="ArgumentException">Amplitudes and rates differ in number.</exception>
    public LagCorrection(int channels, ReadOnlySpan<float> amplitudes, ReadOnlySpan<float> rates)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        if (amplitudes.Length != rates.Length)
        {
            throw new ArgumentException($"lag model has {amplitudes.Length} amplitudes and {rates.Length} rates; they must pair up");
        }

        ChannelCount = channels;
        Terms = amplitudes.Length;
        _decay = new float[Terms];
        _weight = new float[Terms];
        for (var n = 0; n < Terms; n++)
        {
            _decay[n] = MathF.Exp(-rates[n]);
            _weight[n] = amplitudes[n] * _decay[n];
        }

        // One state array per term, so every step below runs over contiguous channels (SIMD).
        _state = Enumerable.Range(0, Terms).Select(_ => new float[channels]).ToArray();
        _lag = new float[channels];
    }

    /// <summary>Channels corrected.</summary>
    public int ChannelCount { get; }

    /// <summary>Exponential terms of the model.</summary>
    public int Terms { get; }

    /// <summary>Corrects the next frame of <paramref name="values"/> in place (frames in acquisition order).</summary>
    public void Apply(Span<float> values)
    {
        ChannelStatistics.CheckLength(values.Length, ChannelCount);
        if (Terms == 0)
        {
            return;
        }

        TensorPrimitives.Multiply(_state[0], _weight[0], _lag);
        for (var n = 1; n < Terms; n++)
        {
            TensorPrimitives.MultiplyAdd(_state[n], _weight[n], _lag, _lag);
        }

        TensorPrimitives.Subtract(values, _lag, values);
        for (var n = 0; n < Terms; n++)
        {
            TensorPrimitives.MultiplyAdd(_state[n], _decay[n], values, _state[n]);
        }
    }

    /// <summary>Forgets the past, as after a long pause without exposure.</summary>
    public void Reset()
    {
        foreach (var state in _state)
        {
            Array.Clear(state);
        }
    }
}

using DetectorDaq.Hil.Signals;

namespace DetectorDaq.Hil.Chips.Ddc264;

/// <summary>
/// Defects of a DDC264 module, applied by <see cref="VirtualDdc264"/> on top of its sides'
/// <see cref="TransferFunction"/>s: per module channel dead, stuck, noisy, nonlinear or with a gain
/// error or its own offset (the pedestal spread of a real module); module-wide an offset and gain mismatch of side B against side A and an offset drift
/// with temperature. Made for calibration tests: the defects are what a calibration must find.
/// </summary>
/// <remarks>Setters may be called while the chips convert; a conversion sees each channel's settings as they were when it started.</remarks>
public sealed class ChannelDefects
{
    private readonly bool[] _dead;
    private readonly int[] _stuckCode;
    private readonly double[] _extraNoise;
    private readonly double[] _nonlinearity;
    private readonly double[] _gainError;
    private readonly double[] _offset;
    private int _version;

    /// <summary>Creates a defect-free set for <paramref name="channels"/> module channels.</summary>
    public ChannelDefects(int channels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        _dead = new bool[channels];
        _stuckCode = new int[channels];
        Array.Fill(_stuckCode, -1);
        _extraNoise = new double[channels];
        _nonlinearity = new double[channels];
        _gainError = new double[channels];
        _offset = new double[channels];
    }

    /// <summary>Module channels covered.</summary>
    public int ChannelCount => _dead.Length;

    /// <summary>Changes with every setter, so converters can cache what they derived from the defects.</summary>
    public int Version => Volatile.Read(ref _version);

    /// <summary>Offset of side B relative to side A, in codes.</summary>
    public double SideBOffsetCodes { get; set => Change(ref field, value); }

    /// <summary>Relative gain of side B against side A (0.01 = side B reads 1 % more).</summary>
    public double SideBGainError { get; set => Change(ref field, value); }

    /// <summary>Offset drift of every channel, codes per °C away from <see cref="ReferenceTemperatureCelsius"/>.</summary>
    public double OffsetDriftCodesPerCelsius { get; set => Change(ref field, value); }

    /// <summary>Temperature at which the drift adds nothing, °C.</summary>
    public double ReferenceTemperatureCelsius { get; set => Change(ref field, value); } = 25;

    /// <summary>Module temperature now, °C.</summary>
    public double TemperatureCelsius { get; set => Change(ref field, value); } = 25;

    /// <summary>Channel <paramref name="channel"/> sees no charge: it reads its dark level only.</summary>
    public void SetDead(int channel) => Change(ref _dead[Checked(channel)], true);

    /// <summary>Channel <paramref name="channel"/> reads <paramref name="code"/> whatever the input.</summary>
    public void SetStuck(int channel, int code)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(code);
        Change(ref _stuckCode[Checked(channel)], code);
    }

    /// <summary>Channel <paramref name="channel"/> adds white noise of <paramref name="rmsCodes"/> (LSB rms) to its side's own.</summary>
    public void SetNoisy(int channel, double rmsCodes) => Change(ref _extraNoise[Checked(channel)], rmsCodes);

    /// <summary>Channel <paramref name="channel"/> bows by <paramref name="fractionOfFullScale"/> at mid-range (see <see cref="TransferFunction.IntegralNonlinearity"/>).</summary>
    public void SetNonlinear(int channel, double fractionOfFullScale) => Change(ref _nonlinearity[Checked(channel)], fractionOfFullScale);

    /// <summary>Channel <paramref name="channel"/> has a relative gain error (0.05 = +5 %).</summary>
    public void SetGainError(int channel, double relative) => Change(ref _gainError[Checked(channel)], relative);

    /// <summary>Channel <paramref name="channel"/> reads <paramref name="codes"/> (LSB, either sign) above its side's offset on both sides.</summary>
    public void SetOffset(int channel, double codes) => Change(ref _offset[Checked(channel)], codes);

    /// <summary>True when <paramref name="channel"/> reads a fixed code; then <paramref name="code"/> is it.</summary>
    public bool TryGetStuckCode(int channel, out int code)
    {
        code = _stuckCode[channel];
        return code >= 0;
    }

    /// <summary>True when <paramref name="channel"/> sees no charge.</summary>
    public bool IsDead(int channel) => _dead[channel];

    /// <summary>
    /// The transfer function of <paramref name="channel"/> on side B (<paramref name="sideB"/>) or A:
    /// <paramref name="side"/>'s own with this channel's and the module's defects added.
    /// </summary>
    public TransferFunction Effective(int channel, bool sideB, TransferFunction side)
    {
        ArgumentNullException.ThrowIfNull(side);
        var gain = (1 + side.GainError) * (1 + _gainError[channel]) * (1 + (sideB ? SideBGainError : 0));
        var offset = side.OffsetCodes + _offset[channel] + (sideB ? SideBOffsetCodes : 0) + (OffsetDriftCodesPerCelsius * (TemperatureCelsius - ReferenceTemperatureCelsius));
        var noise = Math.Sqrt((side.NoiseRmsCodes * side.NoiseRmsCodes) + (_extraNoise[channel] * _extraNoise[channel]));
        return side with { OffsetCodes = offset, GainError = gain - 1, IntegralNonlinearity = side.IntegralNonlinearity + _nonlinearity[channel], NoiseRmsCodes = noise };
    }

    private int Checked(int channel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(channel, ChannelCount);
        return channel;
    }

    private void Change<T>(ref T target, T value)
    {
        target = value;
        Interlocked.Increment(ref _version);
    }
}

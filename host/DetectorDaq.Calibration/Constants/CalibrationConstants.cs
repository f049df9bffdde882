namespace DetectorDaq.Calibration.Constants;

/// <summary>
/// One immutable set of calibration constants of one detector module. Per-channel arrays hold
/// <see cref="Sides"/> × <see cref="ChannelCount"/> values, side-major (all channels of side A, then of
/// side B for dual-integrator chips such as the DDC264); channels are module channels in the module's
/// row-major pixel order (<see cref="Rows"/> × <see cref="Columns"/>).
/// </summary>
public sealed record CalibrationConstants
{
    /// <summary>Serial number of the module.</summary>
    public required string ModuleSerial { get; init; }

    /// <summary>Conditions the constants were measured at.</summary>
    public required CalibrationConditions Conditions { get; init; }

    /// <summary>Time from which the constants are valid.</summary>
    public required DateTimeOffset ValidFrom { get; init; }

    /// <summary>Station that measured them.</summary>
    public required string Station { get; init; }

    /// <summary>Version of the software that computed them.</summary>
    public required string SoftwareVersion { get; init; }

    /// <summary>Rows of the module image.</summary>
    public required int Rows { get; init; }

    /// <summary>Columns of the module image.</summary>
    public required int Columns { get; init; }

    /// <summary>Integrator sides: 1, or 2 for dual-integrator chips.</summary>
    public int Sides { get; init; } = 1;

    /// <summary>Dark offset per channel and side, in codes.</summary>
    public required float[] Offset { get; init; }

    /// <summary>Dark noise (standard deviation) per channel and side, in codes.</summary>
    public required float[] Noise { get; init; }

    /// <summary>Relative gain per channel and side (1 = the module's median response).</summary>
    public required float[] Gain { get; init; }

    /// <summary>
    /// Nonlinearity correction: per channel and side, <see cref="NonlinearityOrder"/> + 1 polynomial
    /// coefficients c0…cn mapping offset-subtracted codes x to linearised codes Σ cᵢ·xⁱ; empty when none.
    /// </summary>
    public float[] Nonlinearity { get; init; } = [];

    /// <summary>Polynomial order of <see cref="Nonlinearity"/> (0 when none).</summary>
    public int NonlinearityOrder { get; init; }

    /// <summary>Bad-channel mask per channel (<see cref="BadChannelFlags"/>), both sides folded together.</summary>
    public required uint[] BadChannels { get; init; }

    /// <summary>
    /// Afterglow/lag model: amplitudes aₙ of the exponential terms of the impulse response (Hsieh's
    /// recursive correction); empty when no lag correction applies.
    /// </summary>
    public float[] LagAmplitudes { get; init; } = [];

    /// <summary>Decay rates bₙ (per frame) of the exponential terms, as many as <see cref="LagAmplitudes"/>.</summary>
    public float[] LagRates { get; init; } = [];

    /// <summary>Channels of the module.</summary>
    public int ChannelCount => Rows * Columns;

    /// <summary>How calibrated files name these constants (calibration_version): "&lt;serial&gt;:&lt;valid_from ISO 8601&gt;".</summary>
    public string VersionLabel => $"{ModuleSerial}:{ValidFrom.ToString("o", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Index of <paramref name="channel"/> on <paramref name="side"/> (0 = A) in the per-channel arrays.</summary>
    public int Index(int channel, int side = 0) => (side * ChannelCount) + channel;

    /// <summary>Checks that every array has the length the layout implies.</summary>
    /// <exception cref="ArgumentException">An array has the wrong length or the layout is empty.</exception>
    public void Validate()
    {
        if (Rows < 1 || Columns < 1 || Sides is < 1 or > 2)
        {
            throw new ArgumentException($"constants of {ModuleSerial}: layout {Rows} x {Columns} with {Sides} sides is not valid");
        }

        var perSide = ChannelCount * Sides;
        Require(Offset.Length == perSide, nameof(Offset), perSide, Offset.Length);
        Require(Noise.Length == perSide, nameof(Noise), perSide, Noise.Length);
        Require(Gain.Length == perSide, nameof(Gain), perSide, Gain.Length);
        Require(BadChannels.Length == ChannelCount, nameof(BadChannels), ChannelCount, BadChannels.Length);
        var nonlinearity = NonlinearityOrder == 0 ? 0 : perSide * (NonlinearityOrder + 1);
        Require(Nonlinearity.Length == nonlinearity, nameof(Nonlinearity), nonlinearity, Nonlinearity.Length);
        Require(LagRates.Length == LagAmplitudes.Length, nameof(LagRates), LagAmplitudes.Length, LagRates.Length);
    }

    private void Require(bool holds, string name, int expected, int actual)
    {
        if (!holds)
        {
            throw new ArgumentException($"constants of {ModuleSerial}: {name} has {actual} values, the layout needs {expected}");
        }
    }
}

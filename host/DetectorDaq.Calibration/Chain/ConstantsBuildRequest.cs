using DetectorDaq.Calibration.Constants;

namespace DetectorDaq.Calibration.Chain;

/// <summary>What <see cref="ConstantsBuilder.Build"/> computes constants from.</summary>
public sealed record ConstantsBuildRequest
{
    /// <summary>Serial number of the module.</summary>
    public required string ModuleSerial { get; init; }

    /// <summary>Conditions the frames were taken at.</summary>
    public required CalibrationConditions Conditions { get; init; }

    /// <summary>Time from which the constants are valid.</summary>
    public required DateTimeOffset ValidFrom { get; init; }

    /// <summary>Rows of the module image.</summary>
    public required int Rows { get; init; }

    /// <summary>Columns of the module image.</summary>
    public required int Columns { get; init; }

    /// <summary>Integrator sides: 1, or 2 for the DDC264.</summary>
    public int Sides { get; init; } = 1;

    /// <summary>Dark frames (both sides mixed, each with its side).</summary>
    public required IReadOnlyList<SidedFrame> Darks { get; init; }

    /// <summary>Flat frames by exposure level; the highest level gives the gain. One level gives no nonlinearity correction.</summary>
    public required IReadOnlyList<FlatLevel> Flats { get; init; }

    /// <summary>Limits of the bad-channel classification.</summary>
    public BadChannelCriteria Criteria { get; init; } = new();

    /// <summary>Offset estimator.</summary>
    public OffsetEstimator OffsetEstimator { get; init; } = OffsetEstimator.Mean;

    /// <summary>Order of the nonlinearity polynomial (needs at least as many flat levels).</summary>
    public int NonlinearityOrder { get; init; } = 2;

    /// <summary>Lag amplitudes aₙ, measured separately (see <see cref="LagCorrection"/>); empty for none.</summary>
    public float[] LagAmplitudes { get; init; } = [];

    /// <summary>Lag rates bₙ per frame, as many as <see cref="LagAmplitudes"/>.</summary>
    public float[] LagRates { get; init; } = [];

    /// <summary>Station that measured the frames.</summary>
    public string Station { get; init; } = Environment.MachineName;

    /// <summary>Version of the software computing the constants.</summary>
    public string SoftwareVersion { get; init; } = typeof(ConstantsBuilder).Assembly.GetName().Version?.ToString() ?? "unknown";
}

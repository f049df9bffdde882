using DetectorDaq.Calibration.Chain;
using DetectorDaq.Calibration.Constants;

namespace DetectorDaq.Production.Workflow;

/// <summary>What the phases of one run hand to each other: frames, constants, where they were stored.</summary>
public sealed class CalibrationData
{
    /// <summary>Dark frames, raw codes in module-channel order.</summary>
    public List<SidedFrame> Darks { get; } = [];

    /// <summary>Flat levels in the order acquired.</summary>
    public List<FlatLevel> Flats { get; } = [];

    /// <summary>Physical flat levels (current or voltage as written in the script), as many as <see cref="Flats"/>.</summary>
    public List<string> FlatLevelNames { get; } = [];

    /// <summary>Constants once computed.</summary>
    public CalibrationConstants? Constants { get; set; }

    /// <summary>Per channel: the largest linearity residual relative to the top-level response, fraction; empty until computed.</summary>
    public double[] LinearityResiduals { get; set; } = [];

    /// <summary>Where the constants were stored, once stored.</summary>
    public string? StoredAt { get; set; }
}

using DetectorDaq.Calibration.Constants;

namespace DetectorDaq.CalibrationDb;

/// <summary>One stored version of calibration constants.</summary>
/// <param name="VersionId">Version id the store gave it (positive, never reused).</param>
/// <param name="CreatedAt">When it was stored (UTC, clock of the storing machine).</param>
/// <param name="Constants">The constants, bit-exact as stored.</param>
public sealed record StoredCalibration(long VersionId, DateTimeOffset CreatedAt, CalibrationConstants Constants)
{
    /// <summary>The version's metadata without its arrays.</summary>
    public CalibrationVersionSummary Summary => new(
        VersionId, Constants.ModuleSerial, Constants.ValidFrom, Constants.Conditions, Constants.Station, Constants.SoftwareVersion, CreatedAt, Constants.Rows, Constants.Columns, Constants.Sides);
}

using DetectorDaq.Calibration.Constants;

namespace DetectorDaq.CalibrationDb;

/// <summary>Metadata of one stored version, without its arrays.</summary>
/// <param name="VersionId">Version id.</param>
/// <param name="ModuleSerial">Serial number of the module.</param>
/// <param name="ValidFrom">Time from which the constants are valid.</param>
/// <param name="Conditions">Conditions they were measured at.</param>
/// <param name="Station">Station that measured them.</param>
/// <param name="SoftwareVersion">Version of the software that computed them.</param>
/// <param name="CreatedAt">When they were stored (UTC).</param>
/// <param name="Rows">Rows of the module image.</param>
/// <param name="Columns">Columns of the module image.</param>
/// <param name="Sides">Integrator sides (1 or 2).</param>
public sealed record CalibrationVersionSummary(
    long VersionId,
    string ModuleSerial,
    DateTimeOffset ValidFrom,
    CalibrationConditions Conditions,
    string Station,
    string SoftwareVersion,
    DateTimeOffset CreatedAt,
    int Rows,
    int Columns,
    int Sides);

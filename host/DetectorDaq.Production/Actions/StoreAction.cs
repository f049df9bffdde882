using DetectorDaq.CalibrationDb;
using DetectorDaq.Production.Scripts;
using DetectorDaq.Production.Workflow;

namespace DetectorDaq.Production.Actions;

/// <summary>
/// store: writes the constants as a new version to the SQLite calibration database <c>database</c>
/// (default calibration.db in the output folder) — only when every measurement so far passed its
/// limits; otherwise SKIPPED.
/// </summary>
public sealed class StoreAction : IPhaseAction
{
    /// <inheritdoc/>
    public PhaseResult Run(PhaseDefinition phase, PhaseContext context)
    {
        var failed = context.Measurements.Where(measurement => !measurement.Passed).Select(measurement => measurement.Name).ToArray();
        if (failed.Length > 0)
        {
            return new PhaseResult(PhaseOutcome.Skipped, $"not stored: limits failed on {string.Join(", ", failed)}");
        }

        var constants = context.Data.Constants ?? throw new InvalidOperationException("store needs a compute-constants phase before it");
        var path = phase.Parameters.TryGetValue("database", out var database)
            ? Path.GetFullPath(database, Path.GetDirectoryName(Path.GetFullPath(context.Script.SourcePath))!)
            : Path.Combine(context.OutputDirectory, "calibration.db");
        using var store = new SqliteCalibrationStore(path);
        var version = store.Store(constants);
        context.Data.StoredAt = $"{path} version {version}";
        return PhaseResult.Pass($"stored as version {version} in {path}");
    }
}

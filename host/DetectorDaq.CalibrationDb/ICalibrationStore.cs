using DetectorDaq.Calibration.Constants;

namespace DetectorDaq.CalibrationDb;

/// <summary>
/// Versioned, append-only store of calibration constants. Versions are never overwritten or deleted;
/// lookups find the version valid for a module, its conditions and a time. Implementations are safe to
/// call from several threads and processes at once.
/// </summary>
public interface ICalibrationStore : IDisposable
{
    /// <summary>Where the store lives, for messages (file path or host/database, never a password).</summary>
    string Location { get; }

    /// <summary>Stores <paramref name="constants"/> as a new version; storing the same constants twice gives two versions.</summary>
    /// <returns>The new version id.</returns>
    /// <exception cref="ArgumentException">The constants fail <see cref="CalibrationConstants.Validate"/>.</exception>
    /// <exception cref="CalibrationStoreException">The database refused the write.</exception>
    long Store(CalibrationConstants constants);

    /// <summary>The version with id <paramref name="versionId"/>.</summary>
    /// <exception cref="CalibrationStoreException">No such version.</exception>
    StoredCalibration Get(long versionId);

    /// <summary>
    /// Looks up the version of <paramref name="moduleSerial"/> valid at <paramref name="at"/> for
    /// <paramref name="conditions"/>: among versions with the same integration period and range and a
    /// temperature within <paramref name="tolerance"/>, the one <paramref name="mode"/> picks by valid-from;
    /// among versions with the same valid-from, the newest stored (highest version id).
    /// </summary>
    /// <returns>False when no version matches.</returns>
    bool TryFind(string moduleSerial, CalibrationConditions conditions, DateTimeOffset at, LookupMode mode, ConditionTolerance tolerance, out StoredCalibration? found);

    /// <summary>As <see cref="TryFind"/>, for callers that cannot go on without constants.</summary>
    /// <exception cref="CalibrationStoreException">No version matches.</exception>
    StoredCalibration Find(string moduleSerial, CalibrationConditions conditions, DateTimeOffset at, LookupMode mode, ConditionTolerance tolerance);

    /// <summary>Summaries of all versions, or of one module's, ordered by module, then valid-from, then version id.</summary>
    IReadOnlyList<CalibrationVersionSummary> List(string? moduleSerial = null);
}

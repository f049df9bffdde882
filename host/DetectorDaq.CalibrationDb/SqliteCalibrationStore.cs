using DetectorDaq.CalibrationDb.Sql;

namespace DetectorDaq.CalibrationDb;

/// <summary>
/// The calibration store in one SQLite file (no server): write-ahead logging so lookups never wait for
/// a writer, and a 30 s busy timeout so writers in several threads or processes queue instead of failing.
/// </summary>
public sealed class SqliteCalibrationStore : AdoCalibrationStore
{
    /// <summary>Opens the database at <paramref name="path"/>, creating the file, its folder and the schema if missing.</summary>
    /// <exception cref="CalibrationStoreException">The file is not a calibration database or cannot be opened.</exception>
    public SqliteCalibrationStore(string path)
        : base(new SqliteDialect(path))
    {
    }
}

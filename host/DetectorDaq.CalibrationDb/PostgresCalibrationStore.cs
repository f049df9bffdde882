using DetectorDaq.CalibrationDb.Sql;

namespace DetectorDaq.CalibrationDb;

/// <summary>The calibration store on a PostgreSQL server shared by the stations of a production line.</summary>
public sealed class PostgresCalibrationStore : AdoCalibrationStore
{
    /// <summary>
    /// Connects with an Npgsql <paramref name="connectionString"/>
    /// (<c>Host=…;Username=…;Password=…;Database=…</c>) and creates the schema if missing.
    /// </summary>
    /// <exception cref="CalibrationStoreException">The server cannot be reached, refuses the login, or holds another schema version.</exception>
    public PostgresCalibrationStore(string connectionString)
        : base(new PostgresDialect(connectionString))
    {
    }
}

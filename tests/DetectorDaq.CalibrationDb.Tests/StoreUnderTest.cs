using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DetectorDaq.CalibrationDb.Tests;

/// <summary>
/// A store of one kind plus raw connections to its database. PostgreSQL tests share one database whose
/// rows cannot be deleted, so each test works on module serials of its own.
/// </summary>
internal sealed class StoreUnderTest : IDisposable
{
    public const string PostgresVariable = "DETDAQ_TEST_POSTGRES";

    private readonly string? _directory;
    private readonly string _connectionString;

    private StoreUnderTest(StoreKind kind, string connectionString, string? directory)
    {
        Kind = kind;
        _connectionString = connectionString;
        _directory = directory;
        Store = OpenStore();
    }

    public StoreKind Kind { get; }

    public ICalibrationStore Store { get; }

    /// <summary>Creates the store, or ignores the test when its database is not available here.</summary>
    public static StoreUnderTest Create(StoreKind kind)
    {
        if (kind == StoreKind.Sqlite)
        {
            var directory = Path.Combine(Path.GetTempPath(), "detdaq-caldb-" + Guid.NewGuid().ToString("N"));
            return new StoreUnderTest(kind, Path.Combine(directory, "calibration.db"), directory);
        }

        var connectionString = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrEmpty(connectionString))
        {
            Assert.Ignore($"{PostgresVariable} is not set: PostgreSQL store tests need a server (.ci/run starts one and sets it).");
        }

        return new StoreUnderTest(kind, connectionString!, null);
    }

    /// <summary>Another store instance on the same database, as a second process would open it.</summary>
    public ICalibrationStore OpenStore() => Kind == StoreKind.Sqlite
        ? new SqliteCalibrationStore(_connectionString)
        : new PostgresCalibrationStore(_connectionString);

    public DbConnection OpenRawConnection()
    {
        DbConnection connection = Kind == StoreKind.Sqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _connectionString, Pooling = false }.ToString())
            : new NpgsqlConnection(_connectionString);
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        Store.Dispose();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}

using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace DetectorDaq.CalibrationDb.Sql;

/// <summary>
/// SQLite: one file, write-ahead log so readers never block the writer, and a busy timeout so
/// concurrent writers (threads or processes) wait for the write lock instead of failing.
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    private const int BusyTimeoutSeconds = 30;
    private readonly string _connectionString;

    public SqliteDialect(string path)
    {
        Location = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(Location);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // No pooling: a disposed store leaves no handle on the file, so it can be moved or deleted.
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Location,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = BusyTimeoutSeconds,
        }.ToString();
    }

    public override string IdentityColumn => "INTEGER PRIMARY KEY AUTOINCREMENT";

    public override string BlobType => "BLOB";

    public override string Location { get; }

    // BeginTransaction of Microsoft.Data.Sqlite is BEGIN IMMEDIATE: the write lock is taken up front.
    public override IEnumerable<string> SchemaLockStatements => [];

    public override DbConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutSeconds * 1000}; PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;";
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public override IEnumerable<string> ImmutabilityStatements(string table) =>
    [
        $"CREATE TRIGGER {table}_refuse_update BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, 'UPDATE on {table} refused: calibration versions are immutable'); END",
        $"CREATE TRIGGER {table}_refuse_delete BEFORE DELETE ON {table} BEGIN SELECT RAISE(ABORT, 'DELETE on {table} refused: calibration versions are immutable'); END",
    ];
}

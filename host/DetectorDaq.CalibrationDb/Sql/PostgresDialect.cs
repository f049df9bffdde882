using System.Data.Common;
using Npgsql;

namespace DetectorDaq.CalibrationDb.Sql;

/// <summary>PostgreSQL: a server shared by the stations of a production line.</summary>
internal sealed class PostgresDialect : SqlDialect
{
    // Any constant the stations agree on; it only serialises schema creation.
    private const long SchemaLockKey = 0x44455444_41510001;
    private readonly NpgsqlDataSource _dataSource;

    public PostgresDialect(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException exception)
        {
            throw new CalibrationStoreException($"PostgreSQL connection string is not valid: {exception.Message}", exception);
        }

        Location = $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public override string IdentityColumn => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    public override string BlobType => "BYTEA";

    public override string Location { get; }

    public override IEnumerable<string> SchemaLockStatements => [$"SELECT pg_advisory_xact_lock({SchemaLockKey})"];

    public override DbConnection Open() => _dataSource.OpenConnection();

    // Row triggers catch UPDATE and DELETE; TRUNCATE bypasses them, so it gets a statement trigger.
    public override IEnumerable<string> ImmutabilityStatements(string table) =>
    [
        """
        CREATE OR REPLACE FUNCTION detdaq_refuse_change() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION '% on % refused: calibration versions are immutable', TG_OP, TG_TABLE_NAME; END $$
        """,
        $"CREATE TRIGGER {table}_refuse_change BEFORE UPDATE OR DELETE ON {table} FOR EACH ROW EXECUTE FUNCTION detdaq_refuse_change()",
        $"CREATE TRIGGER {table}_refuse_truncate BEFORE TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION detdaq_refuse_change()",
    ];

    public override void Dispose() => _dataSource.Dispose();
}

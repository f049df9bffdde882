namespace DetectorDaq.CalibrationDb.Sql;

/// <summary>
/// The tables, shared by every dialect. Times are stored as .NET ticks (100 ns since 0001-01-01 UTC)
/// plus the original UTC offset, so a <see cref="DateTimeOffset"/> round-trips exactly on every database.
/// </summary>
internal static class CalibrationSchema
{
    /// <summary>Schema version this software writes and reads.</summary>
    public const int Version = 1;

    public const string CreateVersionTable = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)";

    public const string ReadVersion = "SELECT MAX(version) FROM schema_version";

    public const string WriteVersion = "INSERT INTO schema_version (version) VALUES (1)";

    /// <summary>Tables whose rows are never changed once written.</summary>
    public static readonly string[] ImmutableTables = ["modules", "constants_versions", "constants_arrays"];

    public static IEnumerable<string> CreateTables(SqlDialect dialect) =>
    [
        "CREATE TABLE modules (serial TEXT PRIMARY KEY)",
        $"""
        CREATE TABLE constants_versions (
            id {dialect.IdentityColumn},
            module_serial TEXT NOT NULL REFERENCES modules (serial),
            valid_from_ticks BIGINT NOT NULL,
            valid_from_offset_minutes INTEGER NOT NULL,
            temperature_celsius DOUBLE PRECISION NOT NULL,
            integration_period_ns BIGINT NOT NULL,
            range_setting TEXT NOT NULL,
            station TEXT NOT NULL,
            software_version TEXT NOT NULL,
            created_at_ticks BIGINT NOT NULL,
            layout_rows INTEGER NOT NULL,
            layout_columns INTEGER NOT NULL,
            layout_sides INTEGER NOT NULL,
            nonlinearity_order INTEGER NOT NULL)
        """,
        "CREATE INDEX constants_versions_lookup ON constants_versions (module_serial, integration_period_ns, range_setting, valid_from_ticks)",
        $"""
        CREATE TABLE constants_arrays (
            version_id BIGINT NOT NULL REFERENCES constants_versions (id),
            name TEXT NOT NULL,
            element_type TEXT NOT NULL,
            element_count INTEGER NOT NULL,
            data {dialect.BlobType} NOT NULL,
            PRIMARY KEY (version_id, name))
        """,
    ];
}

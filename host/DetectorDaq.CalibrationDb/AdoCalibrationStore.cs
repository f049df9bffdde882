using System.Data.Common;
using DetectorDaq.Calibration.Constants;
using DetectorDaq.CalibrationDb.Sql;

namespace DetectorDaq.CalibrationDb;

/// <summary>
/// The store on any ADO.NET database: one schema and one set of queries; the subclasses only pick
/// the <see cref="SqlDialect"/>. Each call opens its own connection, so one instance serves many threads.
/// </summary>
public abstract class AdoCalibrationStore : ICalibrationStore
{
    private const string VersionColumns =
        "id, module_serial, valid_from_ticks, valid_from_offset_minutes, temperature_celsius, integration_period_ns, range_setting, " +
        "station, software_version, created_at_ticks, layout_rows, layout_columns, layout_sides, nonlinearity_order";

    private readonly SqlDialect _dialect;

    private protected AdoCalibrationStore(SqlDialect dialect)
    {
        _dialect = dialect;
        try
        {
            Run(EnsureSchema);
        }
        catch
        {
            dialect.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public string Location => _dialect.Location;

    /// <inheritdoc/>
    public long Store(CalibrationConstants constants)
    {
        ArgumentNullException.ThrowIfNull(constants);
        constants.Validate();
        return Run(connection =>
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, "INSERT INTO modules (serial) VALUES (@serial) ON CONFLICT (serial) DO NOTHING", ("@serial", constants.ModuleSerial));
            var versionId = Convert.ToInt64(Scalar(
                connection,
                transaction,
                "INSERT INTO constants_versions (module_serial, valid_from_ticks, valid_from_offset_minutes, temperature_celsius, integration_period_ns, " +
                "range_setting, station, software_version, created_at_ticks, layout_rows, layout_columns, layout_sides, nonlinearity_order) " +
                "VALUES (@serial, @validFrom, @offset, @temperature, @period, @range, @station, @software, @created, @rows, @columns, @sides, @order) RETURNING id",
                ("@serial", constants.ModuleSerial),
                ("@validFrom", constants.ValidFrom.UtcTicks),
                ("@offset", (int)constants.ValidFrom.Offset.TotalMinutes),
                ("@temperature", constants.Conditions.TemperatureCelsius),
                ("@period", constants.Conditions.IntegrationPeriodNanoseconds),
                ("@range", constants.Conditions.Range),
                ("@station", constants.Station),
                ("@software", constants.SoftwareVersion),
                ("@created", DateTimeOffset.UtcNow.UtcTicks),
                ("@rows", constants.Rows),
                ("@columns", constants.Columns),
                ("@sides", constants.Sides),
                ("@order", constants.NonlinearityOrder)));
            foreach (var (name, type, count, data) in ConstantsArrays.Encode(constants))
            {
                Execute(
                    connection,
                    transaction,
                    "INSERT INTO constants_arrays (version_id, name, element_type, element_count, data) VALUES (@version, @name, @type, @count, @data)",
                    ("@version", versionId),
                    ("@name", name),
                    ("@type", type),
                    ("@count", count),
                    ("@data", data));
            }

            transaction.Commit();
            return versionId;
        });
    }

    /// <inheritdoc/>
    public StoredCalibration Get(long versionId) => Run(connection => Load(connection, versionId));

    /// <inheritdoc/>
    public bool TryFind(string moduleSerial, CalibrationConditions conditions, DateTimeOffset at, LookupMode mode, ConditionTolerance tolerance, out StoredCalibration? found)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(tolerance);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance.TemperatureCelsius);

        // Closest: nearest valid-from on either side, a tie going to the earlier (already valid) one.
        var selection = mode switch
        {
            LookupMode.Prior => "AND valid_from_ticks <= @at ORDER BY valid_from_ticks DESC, id DESC",
            LookupMode.Closest => "ORDER BY ABS(valid_from_ticks - @at), valid_from_ticks, id DESC",
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown lookup mode"),
        };
        var result = Run(connection =>
        {
            var id = Scalar(
                connection,
                null,
                "SELECT id FROM constants_versions WHERE module_serial = @serial AND integration_period_ns = @period AND range_setting = @range " +
                $"AND temperature_celsius >= @minimum AND temperature_celsius <= @maximum {selection} LIMIT 1",
                ("@serial", moduleSerial),
                ("@period", conditions.IntegrationPeriodNanoseconds),
                ("@range", conditions.Range),
                ("@minimum", conditions.TemperatureCelsius - tolerance.TemperatureCelsius),
                ("@maximum", conditions.TemperatureCelsius + tolerance.TemperatureCelsius),
                ("@at", at.UtcTicks));
            return id is null or DBNull ? null : Load(connection, Convert.ToInt64(id));
        });
        found = result;
        return result is not null;
    }

    /// <inheritdoc/>
    public StoredCalibration Find(string moduleSerial, CalibrationConditions conditions, DateTimeOffset at, LookupMode mode, ConditionTolerance tolerance) =>
        TryFind(moduleSerial, conditions, at, mode, tolerance, out var found)
            ? found!
            : throw new CalibrationStoreException(
                $"{Location}: no calibration of module {moduleSerial} for {conditions.TemperatureCelsius} ± {tolerance.TemperatureCelsius} °C, " +
                $"{conditions.IntegrationPeriodNanoseconds} ns, range {conditions.Range} ({mode.ToString().ToLowerInvariant()} to {at:o})");

    /// <inheritdoc/>
    public IReadOnlyList<CalibrationVersionSummary> List(string? moduleSerial = null) => Run(connection =>
    {
        var filter = moduleSerial is null ? string.Empty : "WHERE module_serial = @serial";
        using var command = Command(
            connection,
            null,
            $"SELECT {VersionColumns} FROM constants_versions {filter} ORDER BY module_serial, valid_from_ticks, id",
            ("@serial", moduleSerial));
        using var reader = command.ExecuteReader();
        var summaries = new List<CalibrationVersionSummary>();
        while (reader.Read())
        {
            summaries.Add(ReadSummary(reader));
        }

        return summaries;
    });

    /// <inheritdoc/>
    public void Dispose()
    {
        _dialect.Dispose();
        GC.SuppressFinalize(this);
    }

    private void EnsureSchema(DbConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        foreach (var statement in _dialect.SchemaLockStatements)
        {
            Execute(connection, transaction, statement);
        }

        Execute(connection, transaction, CalibrationSchema.CreateVersionTable);
        var version = Scalar(connection, transaction, CalibrationSchema.ReadVersion);
        if (version is null or DBNull)
        {
            var statements = CalibrationSchema.CreateTables(_dialect)
                .Concat(CalibrationSchema.ImmutableTables.SelectMany(_dialect.ImmutabilityStatements))
                .Append(CalibrationSchema.WriteVersion);
            foreach (var statement in statements)
            {
                Execute(connection, transaction, statement);
            }
        }
        else if (Convert.ToInt32(version) != CalibrationSchema.Version)
        {
            throw new CalibrationStoreException($"{Location}: database schema version {version} is not the version {CalibrationSchema.Version} this software reads");
        }

        transaction.Commit();
    }

    private static CalibrationVersionSummary ReadSummary(DbDataReader reader)
    {
        var offset = TimeSpan.FromMinutes(reader.GetInt32(3));
        return new CalibrationVersionSummary(
            VersionId: reader.GetInt64(0),
            ModuleSerial: reader.GetString(1),
            ValidFrom: new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero).ToOffset(offset),
            Conditions: new CalibrationConditions(reader.GetDouble(4), reader.GetInt64(5), reader.GetString(6)),
            Station: reader.GetString(7),
            SoftwareVersion: reader.GetString(8),
            CreatedAt: new DateTimeOffset(reader.GetInt64(9), TimeSpan.Zero),
            Rows: reader.GetInt32(10),
            Columns: reader.GetInt32(11),
            Sides: reader.GetInt32(12));
    }

    private StoredCalibration Load(DbConnection connection, long versionId)
    {
        CalibrationVersionSummary summary;
        int nonlinearityOrder;
        using (var command = Command(connection, null, $"SELECT {VersionColumns} FROM constants_versions WHERE id = @id", ("@id", versionId)))
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read())
            {
                throw new CalibrationStoreException($"{Location}: calibration version {versionId} does not exist");
            }

            summary = ReadSummary(reader);
            nonlinearityOrder = reader.GetInt32(13);
        }

        var arrays = new Dictionary<string, (string Type, int Count, byte[] Data)>();
        using (var command = Command(connection, null, "SELECT name, element_type, element_count, data FROM constants_arrays WHERE version_id = @id", ("@id", versionId)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                arrays[reader.GetString(0)] = (reader.GetString(1), reader.GetInt32(2), reader.GetFieldValue<byte[]>(3));
            }
        }

        return new StoredCalibration(versionId, summary.CreatedAt, ConstantsArrays.Decode(summary, nonlinearityOrder, arrays, Location));
    }

    private T Run<T>(Func<DbConnection, T> work)
    {
        try
        {
            using var connection = _dialect.Open();
            return work(connection);
        }
        catch (DbException exception)
        {
            throw new CalibrationStoreException($"{Location}: {FirstLine(exception.Message)}", exception);
        }
    }

    private void Run(Action<DbConnection> work) => Run(connection =>
    {
        work(connection);
        return 0;
    });

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static void Execute(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteScalar();
    }
}

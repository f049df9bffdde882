using System.CommandLine;
using DetectorDaq.CalibrationDb;

namespace DetectorDaq.Cli.Commands.Cal;

/// <summary>
/// <c>--db PATH</c> / <c>--postgres CONN</c>, shared by every <c>cal</c> verb. Without either, the SQLite file
/// named by <c>DETDAQ_CALIBRATION_DB</c>, else <c>~/.local/share/detdaq/calibration.db</c>.
/// </summary>
internal sealed class CalStoreOptions
{
    /// <summary>Environment variable naming the default SQLite database file.</summary>
    public const string DatabaseVariable = "DETDAQ_CALIBRATION_DB";

    public Option<string> Database { get; } = new("--db")
    {
        Description = $"SQLite calibration database file (default: ${DatabaseVariable}, else ~/.local/share/detdaq/calibration.db).",
        Recursive = true,
    };

    public Option<string> Postgres { get; } = new("--postgres")
    {
        Description = "PostgreSQL connection string (Host=…;Username=…;Password=…;Database=…) instead of a SQLite file.",
        Recursive = true,
    };

    public static string DefaultDatabasePath() =>
        Environment.GetEnvironmentVariable(DatabaseVariable) is { Length: > 0 } path
            ? path
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "detdaq", "calibration.db");

    /// <summary>Opens the store the command line names.</summary>
    /// <exception cref="CommandLineException">Both options given, or the store cannot be opened.</exception>
    public ICalibrationStore Open(ParseResult parseResult)
    {
        var database = parseResult.GetValue(Database);
        var postgres = parseResult.GetValue(Postgres);
        if (database is not null && postgres is not null)
        {
            throw new CommandLineException("give either --db or --postgres, not both", ExitCodes.UsageError);
        }

        return CalErrors.Guard(() => postgres is not null
            ? (ICalibrationStore)new PostgresCalibrationStore(postgres)
            : new SqliteCalibrationStore(database ?? DefaultDatabasePath()));
    }
}

using System.CommandLine;

namespace DetectorDaq.Cli.Commands.Cal;

/// <summary><c>detdaq cal …</c>: the calibration constants database (list / show / find / export / import).</summary>
public static class CalCommand
{
    /// <summary>Builds the command tree.</summary>
    public static Command Create(TextWriter output)
    {
        var store = new CalStoreOptions();
        var command = new Command("cal", "Calibration constants database: list, show, find, export and import versions.") { store.Database, store.Postgres };
        command.Subcommands.Add(CalListCommand.Create(store, output));
        command.Subcommands.Add(CalShowCommand.Create(store, output));
        command.Subcommands.Add(CalFindCommand.Create(store, output));
        command.Subcommands.Add(CalExportCommand.Create(store, output));
        command.Subcommands.Add(CalImportCommand.Create(store, output));
        return command;
    }
}

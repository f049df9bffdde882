using System.CommandLine;

namespace DetectorDaq.Cli.Commands.Cal;

/// <summary><c>detdaq cal list [--module SERIAL]</c>: stored versions as a table.</summary>
internal static class CalListCommand
{
    public static Command Create(CalStoreOptions store, TextWriter output)
    {
        var module = new Option<string>("--module") { Description = "Only versions of this module serial." };
        var command = new Command("list", "List stored calibration versions.") { module };
        command.SetAction(parseResult =>
        {
            using var opened = store.Open(parseResult);
            var versions = CalErrors.Guard(() => opened.List(parseResult.GetValue(module)));
            if (versions.Count == 0)
            {
                output.WriteLine($"no calibration versions in {opened.Location}");
                return ExitCodes.Success;
            }

            CalVersionTable.Write(output, versions);
            return ExitCodes.Success;
        });
        return command;
    }
}

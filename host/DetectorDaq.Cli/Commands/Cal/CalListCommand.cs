using System.CommandLine;
using System.Globalization;
using DetectorDaq.Cli.Output;
using Spectre.Console;

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
            var console = ConsoleFactory.Create(output);
            if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
            {
                // A file or pipe has no width; wrapping there only breaks grep, so rows stay whole.
                console.Profile.Width = 200;
            }

            if (versions.Count == 0)
            {
                console.WriteLine($"no calibration versions in {opened.Location}");
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("Version", "Module", "Valid from", "T (°C)", "Period (ns)", "Range", "Layout", "Station", "Software");
            foreach (var version in versions)
            {
                table.AddRow(
                    version.VersionId.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(version.ModuleSerial),
                    version.ValidFrom.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
                    version.Conditions.TemperatureCelsius.ToString("0.0##", CultureInfo.InvariantCulture),
                    version.Conditions.IntegrationPeriodNanoseconds.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(version.Conditions.Range),
                    $"{version.Rows}x{version.Columns}x{version.Sides}",
                    Markup.Escape(version.Station),
                    Markup.Escape(version.SoftwareVersion));
            }

            console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}

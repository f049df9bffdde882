using System.Globalization;
using DetectorDaq.CalibrationDb;
using DetectorDaq.Cli.Output;
using Spectre.Console;

namespace DetectorDaq.Cli.Commands.Cal;

/// <summary>Stored versions as a table, one row each: what <c>cal list</c> and <c>cal find</c> print.</summary>
internal static class CalVersionTable
{
    public static void Write(TextWriter output, IEnumerable<CalibrationVersionSummary> versions)
    {
        var console = ConsoleFactory.Create(output);
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
        {
            // A file or pipe has no width; wrapping there only breaks grep, so rows stay whole.
            console.Profile.Width = 200;
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
    }
}

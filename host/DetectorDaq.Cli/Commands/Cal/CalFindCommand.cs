using System.CommandLine;
using System.Globalization;
using DetectorDaq.Calibration.Constants;

namespace DetectorDaq.Cli.Commands.Cal;

/// <summary>
/// <c>detdaq cal find --module SERIAL --temperature T --integration-us P --range R [--at TIME] [--mode prior|closest] [--temperature-tolerance K]</c>:
/// the version a run with these conditions would use, as one table row; exit code 1 when none matches.
/// </summary>
internal static class CalFindCommand
{
    public static Command Create(CalStoreOptions store, TextWriter output)
    {
        var module = new Option<string>("--module") { Description = "Module serial number.", Required = true };
        var temperature = new Option<double>("--temperature") { Description = "Module temperature of the run, °C.", Required = true };
        var integration = new Option<double>("--integration-us") { Description = "Integration period of the run, µs.", Required = true };
        var range = new Option<string>("--range") { Description = "Range or gain setting, as stored (for example 150pC, gain1).", Required = true };
        var at = new Option<string?>("--at") { Description = "Time of the run, ISO 8601 (default: now)." };
        var lookup = new LookupOptions();
        var command = new Command("find", "Find the constants version valid for a module, its conditions and a time.") { module, temperature, integration, range, at };
        foreach (var option in lookup.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parseResult =>
        {
            var time = parseResult.GetValue(at) is { } text
                ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : throw new CommandLineException($"--at '{text}' is not an ISO 8601 time", ExitCodes.UsageError)
                : DateTimeOffset.UtcNow;
            var conditions = new CalibrationConditions(parseResult.GetValue(temperature), (long)Math.Round(parseResult.GetValue(integration) * 1000), parseResult.GetValue(range)!);
            using var opened = store.Open(parseResult);
            var found = CalErrors.Guard(() => opened.Find(parseResult.GetValue(module)!, conditions, time, lookup.ModeOf(parseResult), lookup.ToleranceOf(parseResult)));
            CalVersionTable.Write(output, [found.Summary]);
            return ExitCodes.Success;
        });
        return command;
    }
}

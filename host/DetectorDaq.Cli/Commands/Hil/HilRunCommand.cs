using System.CommandLine;
using DetectorDaq.Hil.Runner;
using DetectorDaq.Hil.Scenarios;

namespace DetectorDaq.Cli.Commands.Hil;

/// <summary>
/// <c>detdaq hil run SCENARIO.yaml… [--junit FILE] [--out DIR]</c>: plays HIL scenarios (fault
/// injection included) through simulated controllers into the host and checks their expectations.
/// </summary>
public static class HilRunCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var scenarios = new Argument<string[]>("scenario") { Description = "Scenario YAML files (or folders holding them).", Arity = ArgumentArity.OneOrMore };
        var junit = new Option<string?>("--junit") { Description = "Write a JUnit XML report to this file." };
        var directory = new Option<string>("--out") { Description = "Folder for the scenarios' NeXus files.", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "detdaq-scenarios") };
        var command = new Command("run", "Run HIL scenarios and check their expectations; exit code 1 when any fails.") { scenarios, junit, directory };
        command.SetAction(parseResult =>
        {
            var files = Expand(parseResult.GetValue(scenarios)!);
            var loaded = new List<Scenario>();
            try
            {
                loaded.AddRange(files.Select(Scenario.Load));
            }
            catch (ScenarioException exception)
            {
                throw new CommandLineException(exception.Message, ExitCodes.UsageError, exception);
            }

            var folder = parseResult.GetValue(directory)!;
            Directory.CreateDirectory(folder);
            var results = new List<ScenarioResult>();
            foreach (var scenario in loaded)
            {
                output.WriteLine($"running {scenario.Name}: {scenario.Description}");
                results.Add(ScenarioRunner.Run(scenario, folder));
            }

            output.Write(ScenarioSummary.Render(results));
            if (parseResult.GetValue(junit) is { } report)
            {
                JUnitReport.Write(report, results);
                output.WriteLine($"JUnit report: {report}");
            }

            return results.All(result => result.Passed) ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    private static IEnumerable<string> Expand(IEnumerable<string> paths) =>
        paths.SelectMany<string, string>(path => Directory.Exists(path) ? Directory.GetFiles(path, "*.yaml").Order(StringComparer.Ordinal) : [path]);
}

using System.CommandLine;
using DetectorDaq.Production;
using DetectorDaq.Production.Records;
using DetectorDaq.Production.Scripts;
using DetectorDaq.Production.Workflow;

namespace DetectorDaq.Cli.Commands.Calibrate;

/// <summary>
/// <c>detdaq calibrate run SCRIPT.yaml --dut SERIAL --station ID [--answer KEY=VALUE …] [--interactive] [--out DIR]</c>:
/// runs a production script on the simulated detector, one progress line per phase, and writes
/// record.json and report.html. Exit code 0 PASS, 1 FAIL, 2 ERROR or ABORTED (and for a bad script).
/// </summary>
public static class RunCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var scriptPath = new Argument<string>("script") { Description = "Production script (YAML), for example calibration/scripts/ddc264-module.yaml." };
        var dut = new Option<string>("--dut") { Description = "Serial number of the module under test.", Required = true };
        var station = new Option<string>("--station") { Description = "Id of the test station.", Required = true };
        var answers = new Option<string[]>("--answer") { Description = "Operator answer KEY=VALUE for a prompt phase; repeatable.", AllowMultipleArgumentsPerToken = false };
        var interactive = new Option<bool>("--interactive") { Description = "Ask the operator on the console for answers not given with --answer." };
        var outDirectory = new Option<string?>("--out") { Description = "Folder for record.json, report.html and the acquisitions (default: runs/SERIAL-TIME)." };
        var dead = new Option<int[]>("--dead") { Description = "Simulated module: channels that give no signal (fault injection).", AllowMultipleArgumentsPerToken = true };
        var stuck = new Option<int[]>("--stuck") { Description = "Simulated module: channels stuck at one code.", AllowMultipleArgumentsPerToken = true };
        var noisy = new Option<int[]>("--noisy") { Description = "Simulated module: channels with 50 codes rms of extra noise.", AllowMultipleArgumentsPerToken = true };
        var nonlinear = new Option<int[]>("--nonlinear") { Description = "Simulated module: channels with a 2 % of full scale bow.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("run", "Run a production calibration script on the simulated detector.") { scriptPath, dut, station, answers, interactive, outDirectory, dead, stuck, noisy, nonlinear };
        command.SetAction(Run);
        return command;

        int Run(ParseResult parseResult)
        {
            ProductionScript script;
            AnswersOperator given;
            try
            {
                script = ScriptParser.ParseFile(parseResult.GetValue(scriptPath)!);
                given = AnswersOperator.FromPairs(parseResult.GetValue(answers) ?? []);
            }
            catch (Exception exception) when (exception is ScriptException or ArgumentException)
            {
                throw new CommandLineException(exception.Message, ExitCodes.UsageError, exception);
            }

            var identity = new RunIdentity(parseResult.GetValue(dut)!, parseResult.GetValue(station)!);
            var directory = parseResult.GetValue(outDirectory) ?? Path.Combine("runs", $"{identity.DutSerial}-{DateTime.UtcNow:yyyyMMddTHHmmssZ}");
            IOperator @operator = parseResult.GetValue(interactive)
                ? new ConsoleOperator(Console.In, output, given.Answers)
                : given;
            var runner = new ScriptRunner(Production.Actions.PhaseActions.Standard())
            {
                PhaseStarted = phase => output.WriteLine($"[{phase.Name}] {PhaseKinds.Name(phase.Kind)} …"),
                PhaseEnded = record => output.WriteLine($"[{record.Name}] {record.Outcome.ToString().ToUpperInvariant()}{(record.Attempts > 1 ? $" after {record.Attempts} attempts" : "")}{(record.Message.Length > 0 ? $": {record.Message}" : "")}"),
            };
            var defects = new InjectedDefects(parseResult.GetValue(dead) ?? [], parseResult.GetValue(stuck) ?? [], parseResult.GetValue(noisy) ?? [], parseResult.GetValue(nonlinear) ?? []);
            var (result, outputs) = ProductionService.Run(script, identity, @operator, directory, runner, defects.ApplyTo);
            output.WriteLine($"{script.Name} {identity.DutSerial} at {identity.Station}: {result.Record.Outcome.ToString().ToUpperInvariant()}");
            if (result.Record.Message.Length > 0)
            {
                error.WriteLine(result.Record.Message);
            }

            output.WriteLine($"wrote {outputs.RecordPath} and {outputs.ReportPath}");
            return ExitCode(result.Record.Outcome);
        }
    }

    /// <summary>Exit code of a run ending in <paramref name="outcome"/>: 0 PASS, 1 FAIL, 2 ERROR or ABORTED.</summary>
    public static int ExitCode(RunOutcome outcome) => outcome switch
    {
        RunOutcome.Pass => ExitCodes.Success,
        RunOutcome.Fail => ExitCodes.Failure,
        _ => 2,
    };
}

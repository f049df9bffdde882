using System.CommandLine;
using DetectorDaq.Host.Control;
using DetectorDaq.Production;
using DetectorDaq.Production.Devices;
using DetectorDaq.Production.Records;
using DetectorDaq.Production.Scripts;
using DetectorDaq.Production.Workflow;
using DetectorDaq.Receiver.Topology;

namespace DetectorDaq.Cli.Commands.Calibrate;

/// <summary>
/// <c>detdaq calibrate run SCRIPT.yaml --dut SERIAL --station ID [--config detector.yaml] [--answer KEY=VALUE …] [--interactive] [--out DIR]</c>:
/// runs a production script on the simulated detector, or with <c>--config</c> on the real controller of the
/// topology's one module, one progress line per phase, and writes record.json and report.html.
/// Exit code 0 PASS, 1 FAIL, 2 ERROR or ABORTED (and for a bad script or topology, or a controller that does not answer).
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
        var dead = new Option<int[]>("--dead") { Description = "Simulated module: channels that see no charge and read their pedestal (fault injection).", AllowMultipleArgumentsPerToken = true };
        var stuck = new Option<int[]>("--stuck") { Description = "Simulated module: channels stuck at one code.", AllowMultipleArgumentsPerToken = true };
        var noisy = new Option<int[]>("--noisy") { Description = "Simulated module: channels with 50 codes rms of extra noise.", AllowMultipleArgumentsPerToken = true };
        var nonlinear = new Option<int[]>("--nonlinear") { Description = "Simulated module: channels with a 1 % of full scale bow.", AllowMultipleArgumentsPerToken = true };
        var config = new Option<string?>("--config") { Description = "Detector topology YAML of the module's controller: run on real hardware instead of the simulated detector (the operator sets each flat level; answer flat-LEVEL=ready)." };
        var command = new Command("run", "Run a production calibration script on the simulated detector or, with --config, on a real controller.") { scriptPath, dut, station, config, answers, interactive, outDirectory, dead, stuck, noisy, nonlinear };
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
            var topologyPath = parseResult.GetValue(config);
            if (topologyPath is not null && !defects.IsEmpty)
            {
                throw new CommandLineException("--dead, --stuck, --noisy and --nonlinear inject faults into the simulated detector; they cannot be given with --config", ExitCodes.UsageError);
            }

            var (result, outputs) = topologyPath is null
                ? ProductionService.Run(script, identity, @operator, directory, runner, defects.ApplyTo)
                : RunOnController(topologyPath, script, identity, @operator, directory, runner);
            output.WriteLine($"{script.Name} {identity.DutSerial} at {identity.Station}: {result.Record.Outcome.ToString().ToUpperInvariant()}");
            if (result.Record.Message.Length > 0)
            {
                error.WriteLine(result.Record.Message);
            }

            output.WriteLine($"wrote {outputs.RecordPath} and {outputs.ReportPath}");
            return ExitCode(result.Record.Outcome);
        }
    }

    private static (RunResult Result, RunOutputs Outputs) RunOnController(string topologyPath, ProductionScript script, RunIdentity identity, IOperator @operator, string directory, ScriptRunner runner)
    {
        try
        {
            var topology = DetectorTopology.Load(topologyPath);
            using var module = ControllerModule.Connect(topology, script, ProductionService.FramesDirectory(directory), TimeSpan.FromSeconds(5));
            return ProductionService.Run(script, identity, module, @operator, directory, runner);
        }
        catch (Exception exception) when (exception is TopologyException or ArgumentException or ControllerUnreachableException)
        {
            throw new CommandLineException(exception.Message, ExitCodes.UsageError, exception);
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

using System.CommandLine;
using DetectorDaq.Cli.Output;
using Spectre.Console;

namespace DetectorDaq.Cli.Commands.Board;

/// <summary><c>detdaq board selftest</c>: runs the controller's self-test and prints one row per check.</summary>
public static class BoardSelfTestCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var options = new ControllerOptions();
        var command = new Command("selftest", "Run the board self-test (chip IDs, reset values, CRC, test signals, read-back, test pattern). Exit code 1 on any FAIL.");
        options.AddTo(command);
        command.SetAction(parseResult => BoardCommand.WithBoard(options, parseResult, board =>
        {
            var report = board.SelfTest();
            var table = new Table().AddColumns("check", "result", "detail");
            for (var i = 0; i < report.Count; i++)
            {
                var check = report[i];
                table.AddRow(Markup.Escape(check.Name), check.Passed ? "[green]PASS[/]" : "[red]FAIL[/]", Markup.Escape(check.Detail));
            }

            var console = ConsoleFactory.Create(output);
            console.Write(table);
            var failed = Enumerable.Range(0, report.Count).Count(i => !report[i].Passed);
            console.WriteLine(failed == 0 ? $"self-test PASS: {report.Count} checks" : $"self-test FAIL: {failed} of {report.Count} checks failed");
            return failed == 0 && report.Count > 0 ? ExitCodes.Success : ExitCodes.Failure;
        }));
        return command;
    }
}

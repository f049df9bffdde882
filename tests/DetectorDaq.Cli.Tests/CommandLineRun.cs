using DetectorDaq.Cli;

namespace DetectorDaq.Cli.Tests;

/// <summary>Runs <c>detdaq</c> in-process and captures what it prints.</summary>
internal sealed record CommandLineRun(int ExitCode, string Output, string Error)
{
    public static CommandLineRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = DetectorDaqCommandLine.Run(args, output, error);
        return new CommandLineRun(exitCode, output.ToString(), error.ToString());
    }
}

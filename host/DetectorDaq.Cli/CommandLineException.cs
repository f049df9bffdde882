namespace DetectorDaq.Cli;

/// <summary>An error the user can fix (bad input, unreachable controller): printed as one line, no stack trace.</summary>
public sealed class CommandLineException(string message, int exitCode = ExitCodes.Failure, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Process exit code for this error.</summary>
    public int ExitCode { get; } = exitCode;
}

namespace DetectorDaq.Cli;

/// <summary>Process exit codes of <c>detdaq</c>.</summary>
public static class ExitCodes
{
    /// <summary>Everything passed.</summary>
    public const int Success = 0;

    /// <summary>A check failed or the work could not be done.</summary>
    public const int Failure = 1;

    /// <summary>The command line or an input file is invalid.</summary>
    public const int UsageError = 2;
}

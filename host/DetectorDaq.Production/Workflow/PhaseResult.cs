namespace DetectorDaq.Production.Workflow;

/// <summary>What a phase action reports: its outcome and a one-line message.</summary>
/// <param name="Outcome">PASS, FAIL or SKIPPED (ERROR and ABORTED come from exceptions).</param>
/// <param name="Message">Why, for the record; empty when nothing to say.</param>
public sealed record PhaseResult(PhaseOutcome Outcome, string Message = "")
{
    /// <summary>A passed phase.</summary>
    public static PhaseResult Pass(string message = "") => new(PhaseOutcome.Pass, message);
}

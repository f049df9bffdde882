namespace DetectorDaq.Production.Workflow;

/// <summary>How a phase ended (OpenHTF's phase outcomes).</summary>
public enum PhaseOutcome
{
    /// <summary>The phase did its work and every measurement it made passed its limits.</summary>
    Pass,

    /// <summary>A measurement failed its limit, or the phase judged the device bad.</summary>
    Fail,

    /// <summary>The phase could not do its work (an exception, a timeout).</summary>
    Error,

    /// <summary>The run was stopped (operator, missing answer, cancellation).</summary>
    Aborted,

    /// <summary>The phase did not run (a store after a failed limit).</summary>
    Skipped,
}

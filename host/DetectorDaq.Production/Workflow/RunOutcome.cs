namespace DetectorDaq.Production.Workflow;

/// <summary>How a whole run ended.</summary>
public enum RunOutcome
{
    /// <summary>Every phase passed or was skipped by design.</summary>
    Pass,

    /// <summary>At least one phase failed.</summary>
    Fail,

    /// <summary>A phase could not do its work after its retries.</summary>
    Error,

    /// <summary>The run was stopped before its end.</summary>
    Aborted,
}

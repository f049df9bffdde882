namespace DetectorDaq.Production.Workflow;

/// <summary>States of a production run (<see cref="ProductionWorkflow"/>).</summary>
public enum WorkflowState
{
    /// <summary>Built, not started.</summary>
    Created,

    /// <summary>A phase runs (<see cref="ProductionWorkflow.CurrentPhase"/> says which).</summary>
    Running,

    /// <summary>A prompt phase waits for the operator's answer.</summary>
    WaitingForOperator,

    /// <summary>Ended: every phase passed.</summary>
    Passed,

    /// <summary>Ended: a phase failed.</summary>
    Failed,

    /// <summary>Ended: a phase could not do its work.</summary>
    Error,

    /// <summary>Ended: stopped before its end.</summary>
    Aborted,
}

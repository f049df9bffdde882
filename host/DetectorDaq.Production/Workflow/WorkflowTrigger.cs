namespace DetectorDaq.Production.Workflow;

/// <summary>Triggers of <see cref="ProductionWorkflow"/>.</summary>
public enum WorkflowTrigger
{
    /// <summary>Run the first phase.</summary>
    Start,

    /// <summary>The current phase asks the operator.</summary>
    Prompt,

    /// <summary>The operator answered.</summary>
    Answer,

    /// <summary>The current phase ended PASS, FAIL or SKIPPED.</summary>
    PhaseFinished,

    /// <summary>The current phase ended ERROR after its retries.</summary>
    PhaseErrored,

    /// <summary>The run is stopped.</summary>
    Abort,
}

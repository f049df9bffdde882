using Stateless;
using Stateless.Graph;

namespace DetectorDaq.Production.Workflow;

/// <summary>
/// The state of one production run as a Stateless machine: Created → Running (one phase after the
/// other) ⇄ WaitingForOperator → Passed, Failed, Error or Aborted. Methods say what happened; the
/// guards decide where the run goes.
/// </summary>
public sealed class ProductionWorkflow
{
    private readonly StateMachine<WorkflowState, WorkflowTrigger> _machine;
    private readonly IReadOnlyList<string> _phases;
    private WorkflowState _state = WorkflowState.Created;
    private bool _anyFailed;

    /// <summary>A workflow over the phases named <paramref name="phases"/>, in order.</summary>
    public ProductionWorkflow(IReadOnlyList<string> phases)
    {
        _phases = phases;
        _machine = new StateMachine<WorkflowState, WorkflowTrigger>(() => _state, state => _state = state, FiringMode.Queued);

        _machine.Configure(WorkflowState.Created)
            .PermitIf(WorkflowTrigger.Start, WorkflowState.Running, () => _phases.Count > 0, "the script has phases");

        _machine.Configure(WorkflowState.Running)
            .Permit(WorkflowTrigger.Prompt, WorkflowState.WaitingForOperator)
            .PermitReentryIf(WorkflowTrigger.PhaseFinished, PhasesRemain, "phases remain")
            .PermitIf(WorkflowTrigger.PhaseFinished, WorkflowState.Passed, () => !PhasesRemain() && !_anyFailed, "last phase and no phase failed")
            .PermitIf(WorkflowTrigger.PhaseFinished, WorkflowState.Failed, () => !PhasesRemain() && _anyFailed, "last phase and a phase failed")
            .Permit(WorkflowTrigger.PhaseErrored, WorkflowState.Error)
            .Permit(WorkflowTrigger.Abort, WorkflowState.Aborted);

        _machine.Configure(WorkflowState.WaitingForOperator)
            .Permit(WorkflowTrigger.Answer, WorkflowState.Running)
            .Permit(WorkflowTrigger.PhaseErrored, WorkflowState.Error)
            .Permit(WorkflowTrigger.Abort, WorkflowState.Aborted);
    }

    /// <summary>The current state.</summary>
    public WorkflowState State => _state;

    /// <summary>Index of the phase that runs or ran last.</summary>
    public int PhaseIndex { get; private set; }

    /// <summary>Name of the phase that runs or ran last.</summary>
    public string CurrentPhase => _phases[PhaseIndex];

    /// <summary>Whether the run has ended.</summary>
    public bool IsFinished => _state is WorkflowState.Passed or WorkflowState.Failed or WorkflowState.Error or WorkflowState.Aborted;

    /// <summary>Starts the first phase.</summary>
    public void Start() => _machine.Fire(WorkflowTrigger.Start);

    /// <summary>The current phase waits for the operator.</summary>
    public void Prompt() => _machine.Fire(WorkflowTrigger.Prompt);

    /// <summary>The operator answered.</summary>
    public void Answered() => _machine.Fire(WorkflowTrigger.Answer);

    /// <summary>The current phase ended PASS, FAIL (<paramref name="failed"/>) or SKIPPED; the next one starts, or the run ends.</summary>
    public void PhaseFinished(bool failed)
    {
        _anyFailed |= failed;
        var remain = PhasesRemain();
        _machine.Fire(WorkflowTrigger.PhaseFinished);
        if (remain)
        {
            PhaseIndex++;
        }
    }

    /// <summary>The current phase ended ERROR.</summary>
    public void PhaseErrored() => _machine.Fire(WorkflowTrigger.PhaseErrored);

    /// <summary>The run stops.</summary>
    public void Abort() => _machine.Fire(WorkflowTrigger.Abort);

    /// <summary>The machine as a Mermaid state diagram, for the docs.</summary>
    public string ToMermaid() => MermaidGraph.Format(_machine.GetInfo());

    private bool PhasesRemain() => PhaseIndex < _phases.Count - 1;
}

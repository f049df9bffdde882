using DetectorDaq.Production.Actions;
using DetectorDaq.Production.Scripts;
using DetectorDaq.Production.Workflow;

namespace DetectorDaq.Production.Tests;

/// <summary>An action that does what each attempt is told: one function per attempt, the last repeated.</summary>
internal sealed class ScriptedAction(params Func<PhaseContext, PhaseResult>[] attempts) : IPhaseAction
{
    public int Calls { get; private set; }

    public PhaseResult Run(PhaseDefinition phase, PhaseContext context) => attempts[Math.Min(Calls++, attempts.Length - 1)](context);
}

using DetectorDaq.Production.Scripts;
using DetectorDaq.Production.Workflow;

namespace DetectorDaq.Production.Actions;

/// <summary>
/// The work of one phase kind. Returns PASS, FAIL or SKIPPED; throws for ERROR (any exception) and
/// ABORTED (<see cref="OperatorAnswerMissingException"/>, <see cref="OperationCanceledException"/>).
/// Measurements go through <see cref="PhaseContext.Measure"/>, which checks the script's limits.
/// </summary>
public interface IPhaseAction
{
    /// <summary>Runs <paramref name="phase"/> once.</summary>
    PhaseResult Run(PhaseDefinition phase, PhaseContext context);
}

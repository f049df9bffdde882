using DetectorDaq.Production.Scripts;
using DetectorDaq.Production.Workflow;

namespace DetectorDaq.Production.Actions;

/// <summary>prompt: asks <c>question</c> under <c>key</c>; with <c>expect</c>, any other answer (case-insensitive) FAILs.</summary>
public sealed class PromptAction : IPhaseAction
{
    /// <inheritdoc/>
    public PhaseResult Run(PhaseDefinition phase, PhaseContext context)
    {
        var answer = context.Ask(phase.Parameters["key"], phase.Parameters["question"]);
        return phase.Parameters.TryGetValue("expect", out var expected) && !string.Equals(answer, expected, StringComparison.OrdinalIgnoreCase)
            ? new PhaseResult(PhaseOutcome.Fail, $"operator answered '{answer}', '{expected}' was needed")
            : PhaseResult.Pass($"{phase.Parameters["key"]} = {answer}");
    }
}

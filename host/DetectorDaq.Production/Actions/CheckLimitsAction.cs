using DetectorDaq.Production.Workflow;
using DetectorDaq.Production.Scripts;

namespace DetectorDaq.Production.Actions;

/// <summary>check-limits: PASSes only when every limit of the script was measured and passed so far.</summary>
public sealed class CheckLimitsAction : IPhaseAction
{
    /// <inheritdoc/>
    public PhaseResult Run(PhaseDefinition phase, PhaseContext context)
    {
        var problems = new List<string>();
        foreach (var limit in context.Script.Limits)
        {
            var measurement = context.Measurements.FirstOrDefault(measurement => measurement.Name == limit.Measurement);
            var result = measurement?.Limits.FirstOrDefault(result => result.Name == limit.Name);
            if (result is null)
            {
                problems.Add($"{limit.Name}: {limit.Measurement} was not measured");
            }
            else if (!result.Passed)
            {
                problems.Add($"{limit.Name}: {result.Value:G4} {result.Unit} outside {limit.Describe()}");
            }
        }

        return problems.Count == 0
            ? PhaseResult.Pass($"{context.Script.Limits.Count} limits passed")
            : new PhaseResult(PhaseOutcome.Fail, string.Join("; ", problems));
    }
}

using DetectorDaq.Production.Scripts;
using DetectorDaq.Production.Workflow;

namespace DetectorDaq.Production.Actions;

/// <summary>acquire-darks: <c>frames</c> dark frames, replacing those of an earlier attempt.</summary>
public sealed class AcquireDarksAction : IPhaseAction
{
    /// <inheritdoc/>
    public PhaseResult Run(PhaseDefinition phase, PhaseContext context)
    {
        var frames = PhaseParameters.Integer(phase, "frames", context.Script.SourcePath);
        var darks = context.Device.AcquireDarks(frames, context.Cancellation);
        context.Data.Darks.Clear();
        context.Data.Darks.AddRange(darks);
        return PhaseResult.Pass($"{darks.Count} dark frames");
    }
}

using DetectorDaq.Production.Scripts;

namespace DetectorDaq.Production.Actions;

/// <summary>The standard action of every phase kind.</summary>
public static class PhaseActions
{
    /// <summary>A fresh set of the standard actions.</summary>
    public static Dictionary<PhaseKind, IPhaseAction> Standard() => new()
    {
        [PhaseKind.Prompt] = new PromptAction(),
        [PhaseKind.WaitTemperatureStable] = new WaitTemperatureStableAction(),
        [PhaseKind.AcquireDarks] = new AcquireDarksAction(),
        [PhaseKind.AcquireFlats] = new AcquireFlatsAction(),
        [PhaseKind.ComputeConstants] = new ComputeConstantsAction(),
        [PhaseKind.CheckLimits] = new CheckLimitsAction(),
        [PhaseKind.Store] = new StoreAction(),
    };
}

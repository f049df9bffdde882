using DetectorDaq.Calibration.Chain;
using DetectorDaq.Production.Scripts;
using DetectorDaq.Production.Workflow;
using UnitsNet;

namespace DetectorDaq.Production.Actions;

/// <summary>
/// acquire-flats: <c>frames</c> flat frames at each of <c>levels</c> (currents for a DDC264 module,
/// voltages for an ADS131M08 module); each level's relative exposure is its value over the highest level's.
/// On a device that cannot set the level itself the operator sets the beam and confirms each level
/// with <c>ready</c> under the key <c>flat-LEVEL</c> (for example <c>--answer flat-200nA=ready</c>).
/// </summary>
public sealed class AcquireFlatsAction : IPhaseAction
{
    /// <inheritdoc/>
    public PhaseResult Run(PhaseDefinition phase, PhaseContext context)
    {
        var frames = PhaseParameters.Integer(phase, "frames", context.Script.SourcePath);
        var names = phase.ParameterLists["levels"];
        var levels = names.Select(Parse).ToArray();
        var top = levels.Max(level => SiValue(level));
        context.Data.Flats.Clear();
        context.Data.FlatLevelNames.Clear();
        for (var i = 0; i < levels.Length; i++)
        {
            if (!context.Device.SetsFlatLevel && !OperatorSetLevel(context, names[i], out var answer))
            {
                return new PhaseResult(PhaseOutcome.Fail, $"operator answered '{answer}' for flat level {names[i]}, 'ready' was needed");
            }

            var acquired = context.Device.AcquireFlats(levels[i], frames, context.Cancellation);
            context.Data.Flats.Add(new FlatLevel(SiValue(levels[i]) / top, acquired));
            context.Data.FlatLevelNames.Add(names[i]);
        }

        return PhaseResult.Pass($"{frames} flat frames at each of {string.Join(", ", names)}");
    }

    /// <summary>The prompt key of flat level <paramref name="level"/>: "flat-" and the level without spaces.</summary>
    public static string PromptKey(string level) => "flat-" + string.Concat(level.Where(c => !char.IsWhiteSpace(c)));

    private static bool OperatorSetLevel(PhaseContext context, string level, out string answer)
    {
        answer = context.Ask(PromptKey(level), $"Set the beam so an unattenuated channel sees {level}, then answer 'ready'.");
        return string.Equals(answer, "ready", StringComparison.OrdinalIgnoreCase);
    }

    private static IQuantity Parse(string level) =>
        Units.TryParse<ElectricCurrent>(level, out var current) ? current
        : Units.TryParse<ElectricPotential>(level, out var voltage) ? voltage
        : throw new ArgumentException($"level '{level}' is not a current or a voltage");

    private static double SiValue(IQuantity level) => level switch
    {
        ElectricCurrent current => current.Amperes,
        ElectricPotential voltage => voltage.Volts,
        _ => (double)level.Value,
    };
}

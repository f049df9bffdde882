using DetectorDaq.Production.Scripts;
using DetectorDaq.Production.Workflow;
using UnitsNet;

namespace DetectorDaq.Production.Actions;

/// <summary>
/// wait-temperature-stable: reads the board temperature every <c>interval</c> (default 200 ms) until the
/// last <c>samples</c> (default 5) readings span at most <c>tolerance</c>; measures <c>temperature</c> as
/// their mean. FAILs after 20 windows without settling (a phase timeout stops it sooner).
/// </summary>
public sealed class WaitTemperatureStableAction : IPhaseAction
{
    private const int MaximumWindows = 20;

    /// <inheritdoc/>
    public PhaseResult Run(PhaseDefinition phase, PhaseContext context)
    {
        var samples = phase.Parameters.ContainsKey("samples") ? PhaseParameters.Integer(phase, "samples", context.Script.SourcePath) : 5;
        var interval = phase.Parameters.TryGetValue("interval", out var text) ? Durations.Parse(text, context.Script.SourcePath, phase.Line) : TimeSpan.FromMilliseconds(200);
        Units.TryParseTemperatureDifference(phase.Parameters["tolerance"], out var tolerance);
        var window = new Queue<double>();
        for (var reading = 0; reading < samples * MaximumWindows; reading++)
        {
            if (reading > 0)
            {
                context.Cancellation.WaitHandle.WaitOne(interval);
                context.Cancellation.ThrowIfCancellationRequested();
            }

            window.Enqueue(context.Device.ReadTemperature().DegreesCelsius);
            if (window.Count > samples)
            {
                window.Dequeue();
            }

            if (window.Count == samples && window.Max() - window.Min() <= tolerance)
            {
                context.Measure(PhaseMeasurements.Temperature, Temperature.FromDegreesCelsius(window.Average()));
                return PhaseResult.Pass($"stable within {window.Max() - window.Min():F3} K over {samples} readings");
            }
        }

        return new PhaseResult(PhaseOutcome.Fail, $"temperature did not settle within {tolerance} K in {samples * MaximumWindows} readings");
    }
}

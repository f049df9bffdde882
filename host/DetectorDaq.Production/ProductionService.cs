using DetectorDaq.Production.Actions;
using DetectorDaq.Production.Records;
using DetectorDaq.Production.Scripts;
using DetectorDaq.Production.Simulation;
using DetectorDaq.Production.Workflow;

namespace DetectorDaq.Production;

/// <summary>
/// Runs a script on a simulated module, or on a given device, with the standard phase actions and writes
/// the run's <c>record.json</c> and <c>report.html</c> (acquisitions go to <c>frames/</c>) under the output folder.
/// </summary>
public static class ProductionService
{
    /// <summary>
    /// Runs <paramref name="script"/> for <paramref name="identity"/>; <paramref name="runner"/> may carry progress
    /// callbacks and <paramref name="prepare"/> may set up the simulated module (injected defects) first.
    /// </summary>
    public static (RunResult Result, RunOutputs Outputs) Run(ProductionScript script, RunIdentity identity, IOperator @operator, string outputDirectory, ScriptRunner? runner = null, Action<SimulatedModule>? prepare = null, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(outputDirectory);
        using var module = SimulatedModules.Create(script, identity.DutSerial, FramesDirectory(outputDirectory));
        prepare?.Invoke(module);
        return Run(script, identity, module, @operator, outputDirectory, runner, cancellationToken);
    }

    /// <summary>Runs <paramref name="script"/> for <paramref name="identity"/> on <paramref name="device"/> (which the caller disposes).</summary>
    public static (RunResult Result, RunOutputs Outputs) Run(ProductionScript script, RunIdentity identity, IDeviceUnderTest device, IOperator @operator, string outputDirectory, ScriptRunner? runner = null, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(outputDirectory);
        runner ??= new ScriptRunner(PhaseActions.Standard());
        var result = runner.Run(script, identity, device, @operator, outputDirectory, cancellationToken);
        return (result, RunOutputs.Write(result, outputDirectory));
    }

    /// <summary>Where a run under <paramref name="outputDirectory"/> keeps its acquisitions.</summary>
    public static string FramesDirectory(string outputDirectory) => Path.Combine(outputDirectory, "frames");
}

using DetectorDaq.Production.Scripts;

namespace DetectorDaq.Production.Simulation;

/// <summary>The <see cref="SimulatedModule"/> a script's <c>dut</c> describes.</summary>
public static class SimulatedModules
{
    /// <summary>ADS131M08 data rate the replay plays at: 4 kSPS.</summary>
    public const long Ads131m08SamplePeriodNanoseconds = 250_000;

    /// <summary>A simulated module for <paramref name="script"/> reporting <paramref name="serialNumber"/>; frames go under <paramref name="scratchDirectory"/>.</summary>
    public static SimulatedModule Create(ProductionScript script, string serialNumber, string scratchDirectory) =>
        script.Dut == DutKind.Ddc264
            ? new SimulatedModule(true, 64 * DutParameters.Chips(script.DutParameters, script.SourcePath, 0), (long)DutParameters.Integration(script.DutParameters, script.SourcePath, 0).TotalNanoseconds, serialNumber, scratchDirectory)
            : new SimulatedModule(false, 8, Ads131m08SamplePeriodNanoseconds, serialNumber, scratchDirectory);
}

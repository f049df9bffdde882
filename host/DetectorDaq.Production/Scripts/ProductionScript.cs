namespace DetectorDaq.Production.Scripts;

/// <summary>A production test sequence read from YAML by <see cref="ScriptParser"/>.</summary>
/// <param name="Name">Script name.</param>
/// <param name="Description">Free text.</param>
/// <param name="Dut">Kind of device under test.</param>
/// <param name="DutParameters">Parameters of the device under test (for example <c>chips</c>).</param>
/// <param name="Phases">Phases in the order they run (at least one).</param>
/// <param name="Limits">Limits on measurements.</param>
/// <param name="SourcePath">File the script was read from.</param>
public sealed record ProductionScript(
    string Name,
    string Description,
    DutKind Dut,
    IReadOnlyDictionary<string, string> DutParameters,
    IReadOnlyList<PhaseDefinition> Phases,
    IReadOnlyList<LimitDefinition> Limits,
    string SourcePath);

namespace DetectorDaq.Production.Scripts;

/// <summary>One phase of a script.</summary>
/// <param name="Name">Unique name within the script.</param>
/// <param name="Kind">What the phase does.</param>
/// <param name="Parameters">Kind-specific scalar parameters as written (see <see cref="PhaseParameters"/>).</param>
/// <param name="ParameterLists">Parameters given as YAML sequences of scalars.</param>
/// <param name="Retries">Further attempts after a FAIL or ERROR, ≥ 0.</param>
/// <param name="Timeout">Longest time one attempt may take, or null for no limit.</param>
/// <param name="Line">Line of the phase in the script file (1-based).</param>
public sealed record PhaseDefinition(
    string Name,
    PhaseKind Kind,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, IReadOnlyList<string>> ParameterLists,
    int Retries,
    TimeSpan? Timeout,
    int Line);

namespace DetectorDaq.Hil.Scenarios;

/// <summary>The outcome of one scenario run.</summary>
/// <param name="ScenarioName">The scenario's name.</param>
/// <param name="StartedAt">When the run started.</param>
/// <param name="Duration">How long the run took, wall clock.</param>
/// <param name="Expectations">One entry per expectation checked, in the scenario's order.</param>
/// <param name="Measurements">Numbers measured during the run by name (for example <c>frames_complete</c>, <c>packets_injected_lost</c>), reported as JUnit properties.</param>
/// <param name="Error">Why the run itself could not complete (an exception, a crash), or null when it completed.</param>
public sealed record ScenarioResult(
    string ScenarioName,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    IReadOnlyList<ExpectationResult> Expectations,
    IReadOnlyDictionary<string, double> Measurements,
    string? Error = null)
{
    /// <summary>True when the run completed and every expectation held.</summary>
    public bool Passed => Error is null && Expectations.All(expectation => expectation.Passed);

    /// <summary>Expectations that did not hold.</summary>
    public int FailedCount => Expectations.Count(expectation => !expectation.Passed);
}

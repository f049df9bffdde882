namespace DetectorDaq.Hil.Scenarios;

/// <summary>The outcome of checking one expectation of a scenario.</summary>
/// <param name="Name">The expectation's YAML key, such as <c>min_complete_fraction</c>.</param>
/// <param name="Passed">True when the expectation held.</param>
/// <param name="Message">One line with what was measured against what was expected, such as <c>0.982 complete, at least 0.95 expected</c>.</param>
public sealed record ExpectationResult(string Name, bool Passed, string Message);

using DetectorDaq.Production.Workflow;

namespace DetectorDaq.Production.Records;

/// <summary>One phase of a run record.</summary>
public sealed record PhaseRecord
{
    /// <summary>Phase name.</summary>
    public required string Name { get; init; }

    /// <summary>Phase kind as written in the script.</summary>
    public required string Kind { get; init; }

    /// <summary>Outcome of the last attempt.</summary>
    public required PhaseOutcome Outcome { get; init; }

    /// <summary>Attempts made (1 + retries used).</summary>
    public required int Attempts { get; init; }

    /// <summary>When the first attempt started (UTC).</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>When the last attempt ended (UTC).</summary>
    public required DateTimeOffset End { get; init; }

    /// <summary>Why it ended so, or empty.</summary>
    public required string Message { get; init; }

    /// <summary>Measurements of the last attempt.</summary>
    public required IReadOnlyList<Measurement> Measurements { get; init; }
}

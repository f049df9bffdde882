using DetectorDaq.Production.Workflow;

namespace DetectorDaq.Production.Records;

/// <summary>What one production run did, written as JSON by <see cref="RunRecordWriter"/>.</summary>
public sealed record RunRecord
{
    /// <summary>Script name.</summary>
    public required string Script { get; init; }

    /// <summary>Script file.</summary>
    public required string ScriptPath { get; init; }

    /// <summary>Script description.</summary>
    public required string Description { get; init; }

    /// <summary>Kind of device under test.</summary>
    public required string DutKind { get; init; }

    /// <summary>Serial number of the device under test.</summary>
    public required string DutSerial { get; init; }

    /// <summary>Test station id.</summary>
    public required string Station { get; init; }

    /// <summary>Start of the run (UTC).</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>End of the run (UTC).</summary>
    public required DateTimeOffset End { get; init; }

    /// <summary>Final outcome.</summary>
    public required RunOutcome Outcome { get; init; }

    /// <summary>Why the run did not pass, or empty.</summary>
    public required string Message { get; init; }

    /// <summary>Phases that ran, in order.</summary>
    public required IReadOnlyList<PhaseRecord> Phases { get; init; }

    /// <summary>Operator answers by key.</summary>
    public required IReadOnlyDictionary<string, string> Answers { get; init; }

    /// <summary>Where the constants were stored (database and version), or null when not stored.</summary>
    public string? ConstantsStoredAt { get; init; }

    /// <summary>The channels the computed constants flag bad, with the names of their flags; empty before constants exist.</summary>
    public IReadOnlyList<BadChannelRecord> BadChannels { get; init; } = [];
}

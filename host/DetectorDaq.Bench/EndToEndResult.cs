namespace DetectorDaq.Bench;

/// <summary>The simulated detector through the whole chain into a NeXus file.</summary>
public sealed record EndToEndResult
{
    /// <summary>Detector modules (simulated controllers).</summary>
    public int Modules { get; init; }

    /// <summary>Channels of the detector.</summary>
    public int Channels { get; init; }

    /// <summary>Integration period the controllers ran at, µs.</summary>
    public double IntegrationPeriodUs { get; init; }

    /// <summary>Frames the plan asked for.</summary>
    public long FramesExpected { get; init; }

    /// <summary>Frames written to the file.</summary>
    public long FramesWritten { get; init; }

    /// <summary>Frames with every module's packets.</summary>
    public long FramesComplete { get; init; }

    /// <summary>Frames written per second of the run.</summary>
    public double FramesPerS { get; init; }

    /// <summary>Why the run ended early, or null.</summary>
    public string? FaultReason { get; init; }
}

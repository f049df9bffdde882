namespace DetectorDaq.Files;

/// <summary>What a <see cref="NexusWriter"/> writes.</summary>
public sealed record NexusWriterOptions
{
    /// <summary>
    /// Frames of the run, 1 or more. HDF5 datasets are created with this many frames up front
    /// (PureHDF cannot extend datasets); frames that never arrive are written as zeros with
    /// <c>frame_complete</c> = 0, frames beyond it are dropped and counted.
    /// </summary>
    public required int ExpectedFrames { get; init; }

    /// <summary>
    /// Calibration version to record beside <c>/entry/calibrated/data</c>; null writes no calibrated
    /// data and frames are written with <see cref="NexusWriter.Write(Frames.DetectorFrame)"/>.
    /// </summary>
    public string? CalibrationVersion { get; init; }

    /// <summary>Run start written to <c>/entry/start_time</c> (ISO 8601); defaults to the time the writer is created.</summary>
    public DateTimeOffset? StartTime { get; init; }
}

namespace DetectorDaq.Calibration.Chain;

/// <summary>How <see cref="StreamingCalibration"/> treats the run's own darks and flats.</summary>
public sealed record StreamingCalibrationOptions
{
    /// <summary>Replace the stored offsets by the mean of the run's darks (per module and side) once they are in.</summary>
    public bool OffsetFromRunDarks { get; init; } = true;

    /// <summary>Write −ln of the flat-normalised projections.</summary>
    public bool MinusLog { get; init; }
}

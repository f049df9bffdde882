namespace DetectorDaq.Acquisition;

/// <summary>Frames written so far of a run; a value type, as it is reported once per frame.</summary>
/// <param name="FramesWritten">Frames written to the file.</param>
/// <param name="FramesExpected">Frames the run takes.</param>
public readonly record struct AcquisitionProgress(long FramesWritten, long FramesExpected)
{
    /// <summary>Fraction done, 0…1.</summary>
    public double Fraction => FramesExpected == 0 ? 1 : (double)FramesWritten / FramesExpected;
}

namespace DetectorDaq.Files;

/// <summary>Paths and names of the NeXus layout of DESIGN.md §6 that readers and tools rely on.</summary>
public static class NexusPaths
{
    /// <summary>The NXentry.</summary>
    public const string Entry = "/entry";

    /// <summary>The NXdetector holding raw data and per-frame metadata.</summary>
    public const string Detector = "/entry/instrument/detector";

    /// <summary>Raw codes, int32 [frames, rows, columns].</summary>
    public const string RawData = Detector + "/data";

    /// <summary>
    /// Name of the per-frame uint8 dataset in the NXdetector giving the integrator side of each frame
    /// (0 = A, 1 = B); files of other software may lack it.
    /// </summary>
    public const string IntegratorSideName = "integrator_side";

    /// <summary>The NXdata that links the raw data.</summary>
    public const string Data = "/entry/data";

    /// <summary>The NXdata of calibrated images.</summary>
    public const string Calibrated = "/entry/calibrated";

    /// <summary>Calibrated images, float32 [frames, rows, columns].</summary>
    public const string CalibratedData = Calibrated + "/data";

    /// <summary>Name of the scalar string dataset beside calibrated data naming the calibration.</summary>
    public const string CalibrationVersionName = "calibration_version";

    /// <summary>Name of the attribute that gives a group its NeXus class.</summary>
    public const string NexusClass = "NX_class";
}

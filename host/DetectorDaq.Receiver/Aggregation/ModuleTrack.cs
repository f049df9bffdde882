namespace DetectorDaq.Receiver.Aggregation;

/// <summary>Where one module's numbering stands relative to the detector's.</summary>
internal sealed class ModuleTrack(int moduleId, int[] pixels)
{
    public int ModuleId { get; } = moduleId;

    /// <summary>Detector pixel index of each module channel.</summary>
    public int[] Pixels { get; } = pixels;

    public bool Seen { get; set; }

    /// <summary>Last frame number the module sent, as sent.</summary>
    public ulong LastModuleNumber { get; set; }

    /// <summary>Last frame number the module sent, in detector numbering.</summary>
    public ulong LastDetectorNumber { get; set; }

    /// <summary>Added (mod 2^64) to the module's numbers to give detector numbers; changes on restart.</summary>
    public ulong Offset { get; set; }

    public bool Lagging { get; set; }

    public long FramesAccepted { get; set; }

    public long LateFrames { get; set; }

    public long MissingFrames { get; set; }

    public long SkippedFrames { get; set; }

    public long Restarts { get; set; }

    public long LagEvents { get; set; }

    public ModuleAlignmentStatistics Snapshot() => new()
    {
        ModuleId = ModuleId,
        FramesAccepted = FramesAccepted,
        LateFrames = LateFrames,
        MissingFrames = MissingFrames,
        SkippedFrames = SkippedFrames,
        Restarts = Restarts,
        LagEvents = LagEvents,
        Lagging = Lagging,
    };
}

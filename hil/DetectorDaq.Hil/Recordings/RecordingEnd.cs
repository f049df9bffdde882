namespace DetectorDaq.Hil.Recordings;

/// <summary>What a replayed signal does after the last sample of a recording.</summary>
public enum RecordingEnd
{
    /// <summary>Starts over at sample 0: sample = index mod samples (a replay loops forever).</summary>
    Wrap,

    /// <summary>Holds the last sample (and the first for negative indices).</summary>
    Clamp,
}

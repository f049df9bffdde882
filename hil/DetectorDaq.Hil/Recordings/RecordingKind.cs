namespace DetectorDaq.Hil.Recordings;

/// <summary>What a recording's signal is, with its SI unit.</summary>
public enum RecordingKind
{
    /// <summary>Input current in amperes, for current-input ADCs (DDC264).</summary>
    Current,

    /// <summary>Differential input voltage in volts, for voltage ADCs (ADS131M08).</summary>
    Voltage,
}

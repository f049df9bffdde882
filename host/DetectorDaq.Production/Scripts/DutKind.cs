namespace DetectorDaq.Production.Scripts;

/// <summary>The kind of device under test a script is written for; YAML <c>ddc264</c> or <c>ads131m08</c>.</summary>
public enum DutKind
{
    /// <summary>A DDC264 current-input module (64 channels per chip).</summary>
    Ddc264,

    /// <summary>An ADS131M08 voltage-input module (8 channels).</summary>
    Ads131m08,
}

namespace DetectorDaq.Hil.Scenarios;

/// <summary>The simulated detector: modules of DDC264 chains, and optionally its pixel grid.</summary>
/// <param name="Modules">Modules (controllers), 1 to 64 (one bit each in a frame's complete-modules mask).</param>
/// <param name="ChipsPerModule">DDC264 chips daisy-chained per module, 1 to 16.</param>
/// <param name="Rows">Detector rows, or null to take them from the recording.</param>
/// <param name="Columns">Detector columns, or null to take them from the recording.</param>
public sealed record ScenarioTopology(int Modules, int ChipsPerModule, int? Rows, int? Columns)
{
    /// <summary>Channels of one DDC264 (SBAS368).</summary>
    public const int ChannelsPerChip = 64;

    /// <summary>Channels of one module: <c>ChipsPerModule × 64</c>.</summary>
    public int ChannelsPerModule => ChipsPerModule * ChannelsPerChip;

    /// <summary>Channels of the detector: <c>Modules × ChannelsPerModule</c>.</summary>
    public int Channels => Modules * ChannelsPerModule;
}

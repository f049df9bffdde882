using DetectorDaq.Host.Control;

namespace DetectorDaq.Host.RunControl;

/// <summary>One detector module as run control sees it: its id, its controller connection and the mirror of its state.</summary>
/// <param name="ModuleId">Module id (as in data packets and the topology).</param>
/// <param name="Address">Controller address, for messages.</param>
/// <param name="Client">Open control connection.</param>
public sealed record ModuleLink(int ModuleId, string Address, ControllerClient Client)
{
    /// <summary>The host's copy of the controller's state.</summary>
    public ControllerStateMirror Mirror { get; } = new();
}

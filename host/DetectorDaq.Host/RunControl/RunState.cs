namespace DetectorDaq.Host.RunControl;

/// <summary>State of an acquisition run across all modules of a detector.</summary>
public enum RunState
{
    /// <summary>Nothing configured.</summary>
    Idle,

    /// <summary>Every controller accepted the configuration.</summary>
    Configured,

    /// <summary>Every controller is armed.</summary>
    Armed,

    /// <summary>Controllers stream frames.</summary>
    Running,

    /// <summary>A controller failed; only Recover leaves this state.</summary>
    Fault,
}

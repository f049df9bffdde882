namespace DetectorDaq.Host.RunControl;

/// <summary>Events that move a <see cref="DetectorRunControl"/>.</summary>
public enum RunTrigger
{
    /// <summary>Every controller accepted Configure.</summary>
    Configured,

    /// <summary>Every controller accepted Arm.</summary>
    Armed,

    /// <summary>Every controller accepted Start.</summary>
    Started,

    /// <summary>Every controller stopped (Stop accepted, or its finite run ended).</summary>
    Stopped,

    /// <summary>A controller refused a command, stopped answering or reported Fault.</summary>
    Failed,

    /// <summary>Every controller was reset.</summary>
    Recovered,
}

namespace DetectorDaq.Production.Scripts;

/// <summary>What a phase of a production script does; written in YAML in kebab case (<c>acquire-darks</c>).</summary>
public enum PhaseKind
{
    /// <summary>Asks the operator a question and records the answer.</summary>
    Prompt,

    /// <summary>Waits until the board temperature from housekeeping stays within a tolerance.</summary>
    WaitTemperatureStable,

    /// <summary>Acquires dark frames (no beam).</summary>
    AcquireDarks,

    /// <summary>Acquires flat frames at one or more beam levels.</summary>
    AcquireFlats,

    /// <summary>Computes the module's calibration constants from the darks and flats.</summary>
    ComputeConstants,

    /// <summary>Passes only when every limit of the script was measured and passed.</summary>
    CheckLimits,

    /// <summary>Stores the constants; runs only when every limit passed.</summary>
    Store,
}

namespace DetectorDaq.Hil.Scenarios;

/// <summary>
/// What must hold after a scenario ran. Only the expectations a scenario states are checked; null means "not
/// checked", except <see cref="NoCrash"/>, which is always checked unless set to false.
/// </summary>
public sealed record ScenarioExpectations
{
    /// <summary>Least fraction of frames that arrive with every module complete, 0 to 1.</summary>
    public double? MinCompleteFraction { get; init; }

    /// <summary>The receiver's lost-packet count equals the number of packets the injections removed.</summary>
    public bool? LossesReportedEqualInjected { get; init; }

    /// <summary>The receiver's discarded-duplicate count equals the number of duplicates injected.</summary>
    public bool? DuplicatesReportedEqualInjected { get; init; }

    /// <summary>The receiver's CRC-failure count equals the number of packets corrupted.</summary>
    public bool? CrcFailuresEqualInjected { get; init; }

    /// <summary>Neither the host nor a simulated controller throws or exits abnormally (default true).</summary>
    public bool NoCrash { get; init; } = true;

    /// <summary>The output file opens and holds every frame written before any fault.</summary>
    public bool? ValidFile { get; init; }

    /// <summary>Most frames that may be missing or incomplete, 0 or more.</summary>
    public long? MaxFramesDropped { get; init; }

    /// <summary>
    /// Exact set of bad channels per module (module index → module channels) that the calibration chain finds in the
    /// output file's darks and flats; a module not named must have none (YAML <c>bad_channels</c>).
    /// </summary>
    public IReadOnlyDictionary<int, IReadOnlyList<int>>? BadChannels { get; init; }

    /// <summary>
    /// Largest relative error, 0 to 1, of the calibrated projections against the recording's ideal transmission on good
    /// channels (YAML <c>calibrated_max_relative_error</c>).
    /// </summary>
    public double? CalibratedMaxRelativeError { get; init; }

    /// <summary>True when the scenario checks the calibration chain on its output file.</summary>
    public bool ChecksCalibration => BadChannels is not null || CalibratedMaxRelativeError is not null;

    /// <summary>True: the run must report a fault (the scenario fails if it does not); false: it must not.</summary>
    public bool? ExpectFault { get; init; }
}

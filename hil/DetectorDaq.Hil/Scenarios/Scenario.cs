namespace DetectorDaq.Hil.Scenarios;

/// <summary>
/// A hardware-in-the-loop scenario (DESIGN.md §8): which recording to play through which detector topology, what to
/// inject, and what must hold afterwards. Read from YAML with <see cref="Load"/> or <see cref="Parse"/>; the format
/// is described in hil/scenarios/README.md.
/// </summary>
/// <param name="Name">Short name, used as the JUnit test-suite name.</param>
/// <param name="Description">One or more sentences for people; empty when the file has none.</param>
/// <param name="Recording">The recording as written: <see cref="BuiltinPhantom"/> or a path relative to the scenario file.</param>
/// <param name="RecordingPath">Full path of the recording file, or null for <see cref="BuiltinPhantom"/> (the runner supplies it).</param>
/// <param name="Topology">The simulated detector.</param>
/// <param name="Frames">Most frames to acquire, 1 or more, or null for the whole recording.</param>
/// <param name="IntegrationPeriod">Integration period of one frame (YAML <c>integration_period_us</c>, 1 µs to 10 s; default 1 ms).</param>
/// <param name="Seed">Seed for every random decision of the run (default 0).</param>
/// <param name="Injections">Faults to inject, in file order; empty for a healthy run.</param>
/// <param name="Expectations">What must hold afterwards.</param>
/// <param name="Origin">The file (or other origin) the scenario was read from.</param>
public sealed record Scenario(
    string Name,
    string Description,
    string Recording,
    string? RecordingPath,
    ScenarioTopology Topology,
    long? Frames,
    TimeSpan IntegrationPeriod,
    int Seed,
    IReadOnlyList<Injection> Injections,
    ScenarioExpectations Expectations,
    string Origin)
{
    /// <summary>The synthetic phantom recording that the scenario runner generates itself.</summary>
    public const string BuiltinPhantom = "builtin:phantom";

    /// <summary>
    /// Exposure levels of the built-in phantom's flat block, fractions (0 to 1] of the air current (YAML <c>flat_levels</c>);
    /// the block is split into equal parts, one per level. One level (the default, [1]) gives no nonlinearity constants.
    /// </summary>
    public IReadOnlyList<double> FlatLevels { get; init; } = [1.0];

    /// <summary>
    /// True when the scenario's chips are a <see cref="Chips.Ddc264.TypicalDdc264Module"/> with channel defects rather than
    /// ideal ones: it injects a channel defect or checks the calibration chain.
    /// </summary>
    public bool UsesRealisticChips => Expectations.ChecksCalibration || Injections.Any(injection => ChannelDefectInjections.Applies(injection.Kind));

    /// <summary>True when the runner must supply the recording (<see cref="BuiltinPhantom"/>).</summary>
    public bool UsesBuiltinRecording => RecordingPath is null;

    /// <summary>Reads and validates the scenario file at <paramref name="path"/>.</summary>
    /// <exception cref="ScenarioException">The file cannot be read or is not a valid scenario.</exception>
    public static Scenario Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new ScenarioException(path, 0, 0, $"cannot read the file: {exception.Message}", exception);
        }

        return Parse(text, path);
    }

    /// <summary>
    /// Validates scenario YAML <paramref name="text"/>; <paramref name="origin"/> names it in messages, and a relative
    /// recording path is resolved against the directory of <paramref name="origin"/>.
    /// </summary>
    /// <exception cref="ScenarioException">The text is not a valid scenario.</exception>
    public static Scenario Parse(string text, string origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(origin);
        return new ScenarioParser(origin).Parse(text);
    }
}

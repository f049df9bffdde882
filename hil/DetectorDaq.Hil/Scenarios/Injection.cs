namespace DetectorDaq.Hil.Scenarios;

/// <summary>
/// One fault a scenario injects. Only the parameters that fit <see cref="Kind"/> are set (the parser rejects the
/// others); the rest are null.
/// </summary>
/// <param name="Kind">What is injected.</param>
/// <param name="Module">Module index, 0 to modules − 1, or null for all modules.</param>
/// <param name="Line">Line of the injection in the scenario file, 1-based, for messages.</param>
public sealed record Injection(InjectionKind Kind, int? Module, int Line)
{
    /// <summary>Fraction of packets (or SPI frames for <see cref="InjectionKind.CrcErrors"/>) affected, 0 to 1.</summary>
    public double? Fraction { get; init; }

    /// <summary>For <see cref="InjectionKind.Reorder"/>: how many later packets overtake a held one, 1 to 64 (default 3).</summary>
    public int? Distance { get; init; }

    /// <summary>For <see cref="InjectionKind.ClockDrift"/>: clock rate error, parts per million, −1000 to 1000.</summary>
    public double? Ppm { get; init; }

    /// <summary>Frame number (from 0) at which a one-time fault starts.</summary>
    public long? AtFrame { get; init; }

    /// <summary>For <see cref="InjectionKind.ControllerStall"/>: how long the traffic stops (YAML <c>duration_ms</c>, 1 ms to 60 s).</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>For <see cref="InjectionKind.ControllerStall"/>: what happens to the held traffic (default deliver).</summary>
    public StallRelease? Release { get; init; }

    /// <summary>For <see cref="InjectionKind.ChipNotAnswering"/>: DDC264 index in the module's chain, from 0 (default 0).</summary>
    public int? Chip { get; init; }

    /// <summary>For the channel-defect kinds (<c>dead-channels</c> …): the module channels affected, 0 to channels per module − 1.</summary>
    public IReadOnlyList<int>? Channels { get; init; }

    /// <summary>
    /// For <see cref="InjectionKind.NoisyChannels"/>: extra white noise, codes rms (default 50); for
    /// <see cref="InjectionKind.NonlinearChannels"/>: bow at mid-range, fraction of full scale (default 0.01).
    /// </summary>
    public double? Amount { get; init; }

    /// <summary>For <see cref="InjectionKind.StuckChannels"/>: the code the channels read (default 4242).</summary>
    public int? Code { get; init; }

    /// <summary>For <see cref="InjectionKind.SideMismatch"/>: offset of side B against side A, codes (YAML <c>offset_codes</c>).</summary>
    public double? OffsetCodes { get; init; }

    /// <summary>For <see cref="InjectionKind.SideMismatch"/>: relative gain of side B against side A, 0.01 = 1 % (YAML <c>relative_gain</c>).</summary>
    public double? RelativeGain { get; init; }

    /// <summary>For <see cref="InjectionKind.TemperatureDrift"/>: offset drift, codes per °C from 25 °C (YAML <c>codes_per_celsius</c>).</summary>
    public double? CodesPerCelsius { get; init; }

    /// <summary>For <see cref="InjectionKind.TemperatureDrift"/>: module temperature during the run, °C (YAML <c>temperature_c</c>).</summary>
    public double? TemperatureCelsius { get; init; }

    /// <summary>True when the injection applies to every module.</summary>
    public bool AllModules => Module is null;
}

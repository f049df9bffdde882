namespace DetectorDaq.Hil.Scenarios;

/// <summary>What a scenario injection does; the YAML names are in <see cref="InjectionKindNames"/>.</summary>
public enum InjectionKind
{
    /// <summary><c>packet-loss</c>: a fraction of the module's UDP data packets is dropped (<see cref="Injection.Fraction"/>).</summary>
    PacketLoss,

    /// <summary><c>reorder</c>: a fraction of packets arrives after <see cref="Injection.Distance"/> later ones.</summary>
    Reorder,

    /// <summary><c>duplicate</c>: a fraction of packets arrives twice.</summary>
    Duplicate,

    /// <summary><c>corrupt</c>: a fraction of packets has one payload bit flipped, so its CRC-32C fails.</summary>
    Corrupt,

    /// <summary><c>controller-stall</c>: the module's traffic stops at <see cref="Injection.AtFrame"/> for <see cref="Injection.Duration"/>.</summary>
    ControllerStall,

    /// <summary><c>controller-restart</c>: the module's controller restarts at <see cref="Injection.AtFrame"/>.</summary>
    ControllerRestart,

    /// <summary><c>chip-not-answering</c>: DDC264 <see cref="Injection.Chip"/> of the module stops answering at <see cref="Injection.AtFrame"/>.</summary>
    ChipNotAnswering,

    /// <summary><c>crc-errors</c>: a fraction of the module's SPI frames carries a wrong output CRC.</summary>
    CrcErrors,

    /// <summary><c>clock-drift</c>: the module's controller clock runs <see cref="Injection.Ppm"/> parts per million fast (negative: slow).</summary>
    ClockDrift,

    /// <summary><c>dead-channels</c>: <see cref="Injection.Channels"/> see no charge and read their pedestal.</summary>
    DeadChannels,

    /// <summary><c>stuck-channels</c>: <see cref="Injection.Channels"/> read <see cref="Injection.Code"/> whatever the input.</summary>
    StuckChannels,

    /// <summary><c>noisy-channels</c>: <see cref="Injection.Channels"/> add <see cref="Injection.Amount"/> codes rms of white noise.</summary>
    NoisyChannels,

    /// <summary><c>nonlinear-channels</c>: <see cref="Injection.Channels"/> bow by <see cref="Injection.Amount"/> of full scale at mid-range.</summary>
    NonlinearChannels,

    /// <summary><c>side-mismatch</c>: side B reads <see cref="Injection.OffsetCodes"/> and <see cref="Injection.RelativeGain"/> more than side A.</summary>
    SideMismatch,

    /// <summary><c>temperature-drift</c>: offsets drift by <see cref="Injection.CodesPerCelsius"/> with the module at <see cref="Injection.TemperatureCelsius"/>.</summary>
    TemperatureDrift,
}

namespace DetectorDaq.Calibration.Chain;

/// <summary>Which steps a <see cref="CalibrationChain"/> runs after offset and gain, which always run.</summary>
public sealed record CalibrationChainOptions
{
    /// <summary>Apply the nonlinearity polynomial (when the constants have one).</summary>
    public bool Nonlinearity { get; init; } = true;

    /// <summary>Replace bad channels by their good neighbours.</summary>
    public bool Interpolate { get; init; } = true;

    /// <summary>Apply the lag correction (when the constants have a lag model).</summary>
    public bool Lag { get; init; } = true;

    /// <summary>Module channel of the reference (I0 monitor) channel every value is divided by; null for none.</summary>
    public int? ReferenceChannel { get; init; }

    /// <summary>
    /// Flat-field normalisation of the corrected values, typically from <see cref="CalibrationChain.FlatFieldFrom"/>
    /// (dark 0, flat = the run's flats through the same chain); null for none.
    /// </summary>
    public FlatFieldCorrection? FlatField { get; init; }

    /// <summary>Write −ln of the normalised values (TomoPy <c>minus_log</c>).</summary>
    public bool MinusLog { get; init; }
}

namespace DetectorDaq.Calibration.Constants;

/// <summary>
/// The operating conditions a set of constants was measured at; lookups find constants for the
/// conditions of a run (like European XFEL's CalCat).
/// </summary>
/// <param name="TemperatureCelsius">Module temperature, °C.</param>
/// <param name="IntegrationPeriodNanoseconds">Integration period, ns.</param>
/// <param name="Range">Range or gain setting, as the chip names it (for example "150pC", "gain1").</param>
public sealed record CalibrationConditions(double TemperatureCelsius, long IntegrationPeriodNanoseconds, string Range);

using DetectorDaq.Calibration.Chain;
using DetectorDaq.Calibration.Constants;
using DetectorDaq.Production.Scripts;
using DetectorDaq.Production.Workflow;
using UnitsNet;
using UnitsNet.Units;

namespace DetectorDaq.Production.Actions;

/// <summary>
/// compute-constants: the module's constants from the darks and flats with the calibration chain's
/// <see cref="ConstantsBuilder"/>, then measures over the good channels: median offset and noise in
/// physical units (codes × full scale / full-scale codes), gain spread (%), share of bad channels (%)
/// and the largest linearity residual (%).
/// </summary>
public sealed class ComputeConstantsAction : IPhaseAction
{
    /// <inheritdoc/>
    public PhaseResult Run(PhaseDefinition phase, PhaseContext context)
    {
        var data = context.Data;
        if (data.Darks.Count == 0 || data.Flats.Count == 0)
        {
            throw new InvalidOperationException("compute-constants needs an acquire-darks and an acquire-flats phase before it");
        }

        var device = context.Device;
        var temperature = context.Measurements.FirstOrDefault(measurement => measurement.Name == PhaseMeasurements.Temperature)?.Value
            ?? device.ReadTemperature().DegreesCelsius;
        var order = phase.Parameters.ContainsKey("nonlinearity-order") ? PhaseParameters.Integer(phase, "nonlinearity-order", context.Script.SourcePath) : 2;
        var constants = ConstantsBuilder.Build(new ConstantsBuildRequest
        {
            ModuleSerial = context.Identity.DutSerial,
            Conditions = new CalibrationConditions(Math.Round(temperature, 2), device.IntegrationPeriodNanoseconds, device.Range),
            ValidFrom = DateTimeOffset.UtcNow,
            Rows = device.Rows,
            Columns = device.Columns,
            Sides = device.IntegratorSides,
            Darks = data.Darks,
            Flats = data.Flats,
            NonlinearityOrder = order,
            Criteria = new BadChannelCriteria
            {
                // Per-chip statistics: 64 channels per DDC264, 8 per ADS131M08 (a smaller module is one chip).
                ChipChannels = Math.Min(64, device.Rows * device.Columns),
                SaturationCode = (int)device.FullScaleCodes - 1,
            },
            Station = context.Identity.Station,
        });
        data.Constants = constants;
        data.LinearityResiduals = Linearity.Residuals(data.Flats, constants.Offset, constants.ChannelCount);

        var good = Enumerable.Range(0, constants.ChannelCount).Where(channel => ((BadChannelFlags)constants.BadChannels[channel] & ~BadChannelFlags.Interpolated) == BadChannelFlags.None).ToArray();
        var bad = constants.ChannelCount - good.Length;
        var perCode = (double)device.FullScale.Value / device.FullScaleCodes;
        context.Measure(PhaseMeasurements.OffsetMedian, Quantity.From(Median(good.Select(channel => (double)constants.Offset[channel])) * perCode, device.FullScale.Unit));
        context.Measure(PhaseMeasurements.NoiseMedian, Quantity.From(Median(good.Select(channel => (double)constants.Noise[channel])) * perCode, device.FullScale.Unit));
        var gains = good.Select(channel => (double)constants.Gain[channel]).ToArray();
        var mean = gains.Length > 0 ? gains.Average() : double.NaN;
        var spread = gains.Length > 1 ? Math.Sqrt(gains.Sum(gain => (gain - mean) * (gain - mean)) / (gains.Length - 1)) / mean : 0;
        context.Measure(PhaseMeasurements.GainSpread, Ratio.FromPercent(100 * spread));
        context.Measure(PhaseMeasurements.BadChannelFraction, Ratio.FromPercent(100 * (double)bad / constants.ChannelCount));
        var residuals = good.Select(channel => data.LinearityResiduals[channel]).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        context.Measure(PhaseMeasurements.LinearityResidualMax, Ratio.FromPercent(100 * residuals));
        return PhaseResult.Pass($"{constants.ChannelCount} channels, {bad} bad");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

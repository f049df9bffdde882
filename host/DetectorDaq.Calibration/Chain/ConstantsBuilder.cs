using DetectorDaq.Calibration.Constants;

namespace DetectorDaq.Calibration.Chain;

/// <summary>
/// Computes a module's <see cref="CalibrationConstants"/> from darks and multi-level flats:
/// <see cref="DarkAnalysis"/>, <see cref="GainAnalysis"/> on the highest level,
/// <see cref="NonlinearityAnalysis"/> when there are enough levels, <see cref="BadChannelClassifier"/>,
/// and the interpolation plan that marks replaced channels <see cref="BadChannelFlags.Interpolated"/>.
/// </summary>
public static class ConstantsBuilder
{
    /// <summary>Builds the constants of <paramref name="request"/>.</summary>
    /// <exception cref="ArgumentException">No flats, frames of the wrong size, or a side out of range.</exception>
    public static CalibrationConstants Build(ConstantsBuildRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Flats.Count == 0)
        {
            throw new ArgumentException($"constants of {request.ModuleSerial} need at least one flat level");
        }

        var channels = request.Rows * request.Columns;
        var dark = new DarkAnalysis(channels, request.Sides, request.OffsetEstimator);
        foreach (var frame in request.Darks)
        {
            dark.Add(frame.Codes, frame.Side);
        }

        var darkResult = dark.Compute();
        var nonlinearity = request.Flats.Count >= request.NonlinearityOrder && request.NonlinearityOrder > 0
            ? new NonlinearityAnalysis(channels, request.Sides, request.NonlinearityOrder)
            : null;
        GainAnalysis? top = null;
        var topExposure = double.NegativeInfinity;
        foreach (var level in request.Flats)
        {
            var gain = new GainAnalysis(channels, request.Sides);
            foreach (var frame in level.Frames)
            {
                gain.Add(frame.Codes, frame.Side);
            }

            nonlinearity?.AddLevel(level.RelativeExposure, gain.FlatMean());
            if (level.RelativeExposure > topExposure)
            {
                topExposure = level.RelativeExposure;
                top = gain;
            }
        }

        var gainResult = top!.Compute(darkResult, request.Criteria);
        var nonlinearityResult = nonlinearity?.Compute(darkResult, request.Criteria);
        var mask = BadChannelClassifier.Classify(channels, darkResult, gainResult, nonlinearityResult, request.Criteria);
        mask = new BadChannelInterpolation(request.Rows, request.Columns, mask).MarkInterpolated(mask);
        var constants = new CalibrationConstants
        {
            ModuleSerial = request.ModuleSerial,
            Conditions = request.Conditions,
            ValidFrom = request.ValidFrom,
            Station = request.Station,
            SoftwareVersion = request.SoftwareVersion,
            Rows = request.Rows,
            Columns = request.Columns,
            Sides = request.Sides,
            Offset = darkResult.Offset,
            Noise = darkResult.Noise,
            Gain = gainResult.Gain,
            Nonlinearity = nonlinearityResult?.Coefficients ?? [],
            NonlinearityOrder = nonlinearityResult?.Order ?? 0,
            BadChannels = mask,
            LagAmplitudes = request.LagAmplitudes,
            LagRates = request.LagRates,
        };
        constants.Validate();
        return constants;
    }
}

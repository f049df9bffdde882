using DetectorDaq.Calibration.Constants;

namespace DetectorDaq.Calibration.Chain;

/// <summary>
/// Per-channel nonlinearity from flats at several known relative exposures (DESIGN.md §7 step 3).
/// The linear target of level l is y_l = e_l / e_max · x_max, where x is the offset-subtracted mean
/// flat and e the relative exposure: the response at the highest exposure stays as it is, so the
/// gain measured there still applies after linearisation. A polynomial of <see cref="Order"/> is fitted by
/// least squares through the levels and the dark point (0, 0).
/// <see cref="BadChannelFlags.NonlinearResponse"/> is set when the fit residual exceeds
/// <see cref="BadChannelCriteria.NonlinearityResidualLimit"/> or the raw response departs from the
/// straight line by more than <see cref="BadChannelCriteria.LinearityDeviationLimit"/>.
/// </summary>
public sealed class NonlinearityAnalysis
{
    private readonly List<(double Exposure, float[] Mean)> _levels = [];

    /// <summary>Creates an analysis of <paramref name="channels"/> channels on <paramref name="sides"/> sides with a polynomial of <paramref name="order"/> (≥ 1).</summary>
    public NonlinearityAnalysis(int channels, int sides, int order = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sides, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(order, 1);
        ChannelCount = channels;
        Sides = sides;
        Order = order;
    }

    /// <summary>Channels of the module.</summary>
    public int ChannelCount { get; }

    /// <summary>Integrator sides.</summary>
    public int Sides { get; }

    /// <summary>Polynomial order.</summary>
    public int Order { get; }

    /// <summary>Levels added.</summary>
    public int LevelCount => _levels.Count;

    /// <summary>Adds the mean flat codes (per channel and side, side-major) at <paramref name="relativeExposure"/> (&gt; 0, any unit).</summary>
    /// <exception cref="ArgumentException">The means have the wrong length or the exposure is not positive.</exception>
    public void AddLevel(double relativeExposure, ReadOnlySpan<float> meanFlat)
    {
        if (!(relativeExposure > 0))
        {
            throw new ArgumentException($"relative exposure must be positive, got {relativeExposure}");
        }

        ChannelStatistics.CheckLength(meanFlat.Length, ChannelCount * Sides);
        _levels.Add((relativeExposure, meanFlat.ToArray()));
    }

    /// <summary>Fits every channel and side against the offsets of <paramref name="dark"/>.</summary>
    /// <exception cref="ArgumentException">Fewer levels than <see cref="Order"/>.</exception>
    public NonlinearityResult Compute(DarkResult dark, BadChannelCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(dark);
        ArgumentNullException.ThrowIfNull(criteria);
        if (_levels.Count < Order)
        {
            throw new ArgumentException($"a polynomial of order {Order} needs at least {Order} flat levels, got {_levels.Count}");
        }

        var terms = Order + 1;
        var perSide = ChannelCount * Sides;
        var top = 0;
        for (var l = 1; l < _levels.Count; l++)
        {
            top = _levels[l].Exposure > _levels[top].Exposure ? l : top;
        }

        var coefficients = new float[perSide * terms];
        var residual = new float[perSide];
        var deviation = new float[perSide];
        var flags = new uint[perSide];
        var x = new double[_levels.Count + 1];
        var y = new double[_levels.Count + 1];
        var fitted = new double[terms];
        for (var i = 0; i < perSide; i++)
        {
            var xTop = _levels[top].Mean[i] - dark.Offset[i];
            for (var l = 0; l < _levels.Count; l++)
            {
                x[l + 1] = _levels[l].Mean[i] - dark.Offset[i];
                y[l + 1] = _levels[l].Exposure / _levels[top].Exposure * xTop;
            }

            if (!PolynomialFit.TryFit(x, y, Order, fitted) || !double.IsFinite(xTop) || xTop <= 0)
            {
                // Identity: dead or stuck channels are flagged by the dark and gain analyses.
                Array.Clear(fitted);
                fitted[1] = 1;
            }
            else
            {
                for (var p = 0; p < x.Length; p++)
                {
                    residual[i] = (float)Math.Max(residual[i], Math.Abs(PolynomialFit.Evaluate(fitted, x[p]) - y[p]) / xTop);
                    deviation[i] = (float)Math.Max(deviation[i], Math.Abs(x[p] - y[p]) / xTop);
                }

                if (residual[i] > criteria.NonlinearityResidualLimit || deviation[i] > criteria.LinearityDeviationLimit)
                {
                    flags[i] = (uint)BadChannelFlags.NonlinearResponse;
                }
            }

            for (var t = 0; t < terms; t++)
            {
                coefficients[(i * terms) + t] = (float)fitted[t];
            }
        }

        return new NonlinearityResult(Order, coefficients, residual, deviation, flags);
    }
}

namespace DetectorDaq.Calibration.Chain;

/// <summary>Least-squares polynomial fit by the normal equations on abscissae scaled to about ±1, solved by Gaussian elimination with partial pivoting.</summary>
internal static class PolynomialFit
{
    /// <summary>
    /// Fits y ≈ Σ cᵢ·xⁱ (i = 0…<paramref name="order"/>) to the points and writes c into <paramref name="coefficients"/>.
    /// Returns false when the points do not determine the polynomial (too few or coincident abscissae).
    /// </summary>
    public static bool TryFit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int order, Span<double> coefficients)
    {
        var terms = order + 1;
        if (x.Length < terms)
        {
            return false;
        }

        // Scaling keeps xⁱ near 1 so the normal matrix stays well conditioned for 16- or 20-bit codes.
        var scale = 0.0;
        foreach (var value in x)
        {
            scale = Math.Max(scale, Math.Abs(value));
        }

        if (scale == 0)
        {
            return false;
        }

        Span<double> matrix = stackalloc double[terms * (terms + 1)];
        matrix.Clear();
        Span<double> powers = stackalloc double[(2 * order) + 1];
        for (var p = 0; p < x.Length; p++)
        {
            var u = x[p] / scale;
            powers[0] = 1;
            for (var k = 1; k < powers.Length; k++)
            {
                powers[k] = powers[k - 1] * u;
            }

            for (var row = 0; row < terms; row++)
            {
                for (var column = 0; column < terms; column++)
                {
                    matrix[(row * (terms + 1)) + column] += powers[row + column];
                }

                matrix[(row * (terms + 1)) + terms] += powers[row] * y[p];
            }
        }

        if (!Solve(matrix, terms, coefficients))
        {
            return false;
        }

        var factor = 1.0;
        for (var i = 0; i < terms; i++)
        {
            coefficients[i] /= factor;
            factor *= scale;
        }

        return true;
    }

    /// <summary>Σ cᵢ·xⁱ by Horner's rule.</summary>
    public static double Evaluate(ReadOnlySpan<double> coefficients, double x)
    {
        var result = 0.0;
        for (var i = coefficients.Length - 1; i >= 0; i--)
        {
            result = (result * x) + coefficients[i];
        }

        return result;
    }

    private static bool Solve(Span<double> augmented, int n, Span<double> solution)
    {
        var width = n + 1;
        for (var pivot = 0; pivot < n; pivot++)
        {
            var best = pivot;
            for (var row = pivot + 1; row < n; row++)
            {
                if (Math.Abs(augmented[(row * width) + pivot]) > Math.Abs(augmented[(best * width) + pivot]))
                {
                    best = row;
                }
            }

            if (Math.Abs(augmented[(best * width) + pivot]) < 1e-12)
            {
                return false;
            }

            for (var column = 0; column < width && best != pivot; column++)
            {
                (augmented[(pivot * width) + column], augmented[(best * width) + column]) = (augmented[(best * width) + column], augmented[(pivot * width) + column]);
            }

            for (var row = pivot + 1; row < n; row++)
            {
                var factor = augmented[(row * width) + pivot] / augmented[(pivot * width) + pivot];
                for (var column = pivot; column < width; column++)
                {
                    augmented[(row * width) + column] -= factor * augmented[(pivot * width) + column];
                }
            }
        }

        for (var row = n - 1; row >= 0; row--)
        {
            var sum = augmented[(row * width) + n];
            for (var column = row + 1; column < n; column++)
            {
                sum -= augmented[(row * width) + column] * solution[column];
            }

            solution[row] = sum / augmented[(row * width) + row];
        }

        return true;
    }
}

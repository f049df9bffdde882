using DetectorDaq.Calibration.Chain;

namespace DetectorDaq.Calibration.Tests;

/// <summary>
/// A module of integrating channels without the HIL: code = offset + gain·signal·(1 + bow) + noise,
/// quantised, with seeded Gaussian noise. Per-channel defects are set through the public arrays.
/// </summary>
internal sealed class SyntheticModule
{
    private readonly Random _random;

    public SyntheticModule(int rows, int columns, int sides, int seed)
    {
        Rows = rows;
        Columns = columns;
        Sides = sides;
        _random = new Random(seed);
        var perSide = rows * columns * sides;
        Offset = new double[perSide];
        Gain = new double[perSide];
        Noise = new double[perSide];
        Bow = new double[rows * columns];
        Stuck = new int[rows * columns];
        Array.Fill(Stuck, -1);
        Dead = new bool[rows * columns];
        for (var i = 0; i < perSide; i++)
        {
            Offset[i] = 1000 + (20 * _random.NextDouble()) + (i >= rows * columns ? 150 : 0);
            Gain[i] = (0.95 + (0.1 * _random.NextDouble())) * (i >= rows * columns ? 1.04 : 1);
            Noise[i] = 2;
        }
    }

    public int Rows { get; }

    public int Columns { get; }

    public int Sides { get; }

    public int Channels => Rows * Columns;

    public double[] Offset { get; }

    public double[] Gain { get; }

    public double[] Noise { get; }

    /// <summary>Relative quadratic bow: response · (1 + Bow · response / FullSignal).</summary>
    public double[] Bow { get; }

    public int[] Stuck { get; }

    public bool[] Dead { get; }

    public const double FullSignal = 40000;

    /// <summary>One frame at <paramref name="exposure"/> × <see cref="FullSignal"/> × transmission(channel).</summary>
    public SidedFrame Frame(int side, double exposure, Func<int, double>? transmission = null)
    {
        var codes = new int[Channels];
        for (var channel = 0; channel < Channels; channel++)
        {
            if (Stuck[channel] >= 0)
            {
                codes[channel] = Stuck[channel];
                continue;
            }

            var i = (side * Channels) + channel;
            var signal = Dead[channel] ? 0 : exposure * FullSignal * (transmission?.Invoke(channel) ?? 1) * Gain[i];
            signal *= 1 + (Bow[channel] * signal / FullSignal);
            codes[channel] = (int)Math.Round(Offset[i] + signal + (Noise[i] * Gaussian()));
        }

        return new SidedFrame(codes, side);
    }

    public List<SidedFrame> Frames(int count, double exposure) =>
        Enumerable.Range(0, count).Select(f => Frame(f % Sides, exposure)).ToList();

    private double Gaussian()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}

using DetectorDaq.Calibration.Chain;
using DetectorDaq.Calibration.Constants;
using DetectorDaq.Hil.Chips.Ddc264;
using DetectorDaq.Hil.Fpga;
using DetectorDaq.Hil.Signals;
using UnitsNet;

namespace DetectorDaq.Calibration.Tests;

/// <summary>
/// A two-chip DDC264 module of the HIL (virtual FPGA, 128 channels as 2 × 64 in module-channel
/// order) with <see cref="ChannelDefects"/>, whose chips are converted directly so every frame's
/// exposure and side are known: darks at exposure 0, flats at the exposure set, projections with a transmission.
/// </summary>
internal sealed class HilModule
{
    public const long PeriodNanoseconds = 1_000_000;
    public const int Rows = 2;
    public const int Columns = 64;

    /// <summary>Fraction of the 12.5 pC full scale an unattenuated channel integrates at exposure 1.</summary>
    private const double AirFraction = 0.7;

    /// <summary>Channels <see cref="InjectTypicalDefects"/> makes bad: dead, stuck, noisy, nonlinear, gain far off.</summary>
    public static readonly int[] Injected = [5, 17, 40, 70, 90];

    private readonly VirtualFpga _fpga;
    private long _frame;

    public HilModule()
    {
        var sideA = new TransferFunction(OffsetCodes: 400, GainError: 0, IntegralNonlinearity: 0, NoiseRmsCodes: 1.0, Seed: 7);
        _fpga = new VirtualFpga(2, Signal, sideA, sideA with { Seed = 8 });
        Defects = new ChannelDefects(Rows * Columns);
        _fpga.Defects = Defects;
    }

    public ChannelDefects Defects { get; }

    public double Exposure { get; set; }

    /// <summary>Ideal transmission of (channel, frame index); 1 for flats and darks.</summary>
    public Func<int, long, double> Transmission { get; set; } = (_, _) => 1;

    /// <summary>Index the next frame will have.</summary>
    public long NextFrame => _frame;

    /// <summary>Side-B mismatch, drift at 31 °C, ±5 % gain spread, and the <see cref="Injected"/> defects.</summary>
    public void InjectTypicalDefects()
    {
        Defects.SideBOffsetCodes = 150;
        Defects.SideBGainError = 0.03;
        Defects.OffsetDriftCodesPerCelsius = 2;
        Defects.TemperatureCelsius = 31;
        var random = new Random(3);
        for (var channel = 0; channel < Rows * Columns; channel++)
        {
            Defects.SetGainError(channel, (random.NextDouble() - 0.5) * 0.1);
        }

        Defects.SetDead(Injected[0]);
        Defects.SetStuck(Injected[1], 3000);
        Defects.SetNoisy(Injected[2], 30);
        Defects.SetNonlinear(Injected[3], 0.03);
        Defects.SetGainError(Injected[4], 0.8);
    }

    /// <summary>100 darks and 40 flats at each of 4 levels → constants.</summary>
    public CalibrationConstants Calibrate()
    {
        Exposure = 0;
        var darks = Frames(100);
        var levels = new List<FlatLevel>();
        foreach (var exposure in new[] { 0.25, 0.5, 0.75, 1.0 })
        {
            Exposure = exposure;
            levels.Add(new FlatLevel(exposure, Frames(40)));
        }

        return ConstantsBuilder.Build(new ConstantsBuildRequest
        {
            ModuleSerial = "HIL-0001",
            Conditions = new CalibrationConditions(31, PeriodNanoseconds, "12.5pC"),
            ValidFrom = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero),
            Rows = Rows,
            Columns = Columns,
            Sides = 2,
            Darks = darks,
            Flats = levels,
        });
    }

    /// <summary>The next <paramref name="count"/> frames; sides alternate A, B, … from the first conversion.</summary>
    public List<SidedFrame> Frames(int count)
    {
        var frames = new List<SidedFrame>(count);
        for (var f = 0; f < count; f++)
        {
            var codes = new int[Rows * Columns];
            var side = 0;
            for (var chip = 0; chip < _fpga.Chips.Count; chip++)
            {
                _fpga.Chips[chip].Convert(_frame, PeriodNanoseconds);
                _fpga.Chips[chip].Codes.CopyTo(codes.AsSpan(chip * VirtualDdc264.Channels));
                side = (int)_fpga.Chips[chip].ConvertedSide;
            }

            frames.Add(new SidedFrame(codes, side));
            _frame++;
        }

        return frames;
    }

    private ElectricCurrent Signal(int channel, long frameIndex) =>
        ElectricCurrent.FromAmperes(AirFraction * 12.5e-12 / (PeriodNanoseconds * 1e-9) * Exposure * Transmission(channel, frameIndex));
}

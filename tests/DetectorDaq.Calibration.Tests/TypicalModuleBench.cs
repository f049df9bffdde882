using DetectorDaq.Calibration.Chain;
using DetectorDaq.Calibration.Constants;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Hil.Chips.Ddc264;

namespace DetectorDaq.Calibration.Tests;

/// <summary>
/// One DDC264 of a <see cref="TypicalDdc264Module"/> in the production configuration (150 pC, 20-bit),
/// converted directly, run through the example script's sequence: darks with 5 nA of dark current, then
/// flats at 200, 400 and 800 nA, 100 µs integration, and <see cref="ConstantsBuilder"/> with both sides.
/// </summary>
internal sealed class TypicalModuleBench
{
    public const int Channels = VirtualDdc264.Channels;
    private const long PeriodNanoseconds = 100_000;
    private const double DarkCurrentAmperes = 5e-9;

    private readonly VirtualDdc264 _chip;
    private double _amperes;
    private long _frame;

    public TypicalModuleBench(string serialNumber)
    {
        var model = TypicalDdc264Module.Create(Channels, TypicalDdc264Module.SeedFor(serialNumber));
        Defects = model.Defects!;
        _chip = new VirtualDdc264((_, _) => UnitsNet.ElectricCurrent.FromAmperes(_amperes), 0, model.SideA, model.SideB) { Defects = Defects };
        const int configuration = Ddc264Registers.ConfigRangeMask | Ddc264Registers.ConfigFormatMask;
        for (var bit = 15; bit >= 0; bit--)
        {
            _chip.ClockConfigurationBit(((configuration >> bit) & 1) != 0);
        }
    }

    public ChannelDefects Defects { get; }

    /// <summary>Darks and three flat levels (<paramref name="darks"/> and <paramref name="flats"/> frames each) → constants.</summary>
    public CalibrationConstants Calibrate(int darks = 40, int flats = 20)
    {
        var darkFrames = Frames(DarkCurrentAmperes, darks);
        var levels = new[] { 200e-9, 400e-9, 800e-9 }
            .Select(current => new FlatLevel(current / 800e-9, Frames(current + DarkCurrentAmperes, flats)))
            .ToArray();
        return ConstantsBuilder.Build(new ConstantsBuildRequest
        {
            ModuleSerial = "bench",
            Conditions = new CalibrationConditions(31.5, PeriodNanoseconds, "150pC"),
            ValidFrom = DateTimeOffset.UnixEpoch,
            Rows = 1,
            Columns = Channels,
            Sides = 2,
            Darks = darkFrames,
            Flats = levels,
            Criteria = new BadChannelCriteria { SaturationCode = (1 << 20) - 1 },
        });
    }

    /// <summary><paramref name="count"/> frames at <paramref name="amperes"/> of input; sides alternate from A.</summary>
    public List<SidedFrame> Frames(double amperes, int count)
    {
        _amperes = amperes;
        var frames = new List<SidedFrame>(count);
        for (var f = 0; f < count; f++)
        {
            _chip.Convert(_frame++, PeriodNanoseconds);
            frames.Add(new SidedFrame(_chip.Codes.ToArray(), (int)_chip.ConvertedSide));
        }

        return frames;
    }
}

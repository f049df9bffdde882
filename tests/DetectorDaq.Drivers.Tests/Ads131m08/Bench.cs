using DetectorDaq.Firmware.Net.Board;
using DetectorDaq.Hil.Chips;
using DetectorDaq.Hil.Chips.Ads131m08;
using DetectorDaq.Hil.Signals;
using UnitsNet;
using Adc = DetectorDaq.Firmware.Ads131m08.Ads131m08;

namespace DetectorDaq.Drivers.Tests.Ads131m08;

/// <summary>A virtual ADS131M08 wired to the firmware driver through a bus that can corrupt frames.</summary>
internal sealed class Bench : IDisposable
{
    public Bench(VoltageSignal? signal = null, TransferFunction? transferFunction = null)
    {
        Chip = new VirtualAds131m08(signal ?? ((_, _) => ElectricPotential.Zero), transferFunction);
        Clock = new SimulatedClock(Chip.AdvanceTo);
        Bus = new CorruptingSpiBus(new SpiDeviceBus(Chip));
        Driver = new Adc(Bus, Chip.DataReady, Chip.SyncReset, Clock);
    }

    public VirtualAds131m08 Chip { get; }

    public SimulatedClock Clock { get; }

    public CorruptingSpiBus Bus { get; }

    public Adc Driver { get; }

    public static Bench Constant(double volts) => new((_, _) => ElectricPotential.FromVolts(volts));

    public int[] ReadOneFrame()
    {
        Chip.Convert();
        var samples = new int[8];
        Assert.That(Driver.TryReadFrame(samples, out _, 100), Is.True);
        return samples;
    }

    public void Dispose() => Driver.Dispose();
}

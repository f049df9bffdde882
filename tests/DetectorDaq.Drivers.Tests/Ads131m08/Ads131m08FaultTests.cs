using DetectorDaq.Hil.Chips;
using DetectorDaq.Firmware.Net.Board;
using DetectorDaq.Firmware.Ads131m08;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Hil.Chips.Ads131m08;

namespace DetectorDaq.Drivers.Tests.Ads131m08;

public sealed class Ads131m08FaultTests
{
    [TestCase(MisoFault.StuckHigh)]
    [TestCase(MisoFault.StuckLow)]
    public void StuckDout_ThrowsNotAnswering(MisoFault fault)
    {
        using var bench = new Bench();
        bench.Chip.MisoFault = fault;

        var error = Assert.Throws<Ads131m08Exception>(() => bench.Driver.Reset());

        Assert.That(error!.Error, Is.EqualTo(Ads131m08Error.NotAnswering));
        Assert.That(error.Message, Does.Contain("not answering"));
    }

    [TestCase(MisoFault.StuckHigh)]
    [TestCase(MisoFault.StuckLow)]
    public void StuckDout_TryReadRegisterReturnsFalse(MisoFault fault)
    {
        using var bench = new Bench();
        bench.Chip.MisoFault = fault;

        Assert.That(bench.Driver.TryReadRegister(Ads131m08Registers.IdAddress, out var value), Is.False);
        Assert.That(value, Is.EqualTo(0));
    }

    [Test]
    public void WorkingChip_TryReadRegisterReturnsTheValue()
    {
        using var bench = new Bench();

        Assert.That(bench.Driver.TryReadRegister(Ads131m08Registers.ClockAddress, out var value), Is.True);
        Assert.That(value, Is.EqualTo(0xFF0E));
    }

    [Test]
    public void OtherPart_ThrowsWrongId()
    {
        using var bench = new Bench();
        bench.Chip.Identification = 0x2411;

        var error = Assert.Throws<Ads131m08Exception>(() => bench.Driver.ReadId());

        Assert.That(error!.Error, Is.EqualTo(Ads131m08Error.WrongId));
        Assert.That(error.Message, Does.Contain("0x2411"));
    }

    [Test]
    public void ResetPinNotWired_ThrowsInvalidOperation()
    {
        var chip = new VirtualAds131m08((_, _) => UnitsNet.ElectricPotential.Zero);
        using var driver = new Firmware.Ads131m08.Ads131m08(new SpiDeviceBus(chip), chip.DataReady, null, new SimulatedClock(chip.AdvanceTo));

        Assert.Throws<InvalidOperationException>(() => driver.ResetWithPin());
    }

    [Test]
    public void Dispose_DisposesTheBusOnlyWhenAsked()
    {
        var disposed = 0;
        var bus = new CountingBus(() => disposed++);
        var chip = new VirtualAds131m08((_, _) => UnitsNet.ElectricPotential.Zero);

        new Firmware.Ads131m08.Ads131m08(bus, chip.DataReady, null, new SimulatedClock(chip.AdvanceTo), shouldDispose: false).Dispose();
        Assert.That(disposed, Is.EqualTo(0));
        new Firmware.Ads131m08.Ads131m08(bus, chip.DataReady, null, new SimulatedClock(chip.AdvanceTo)).Dispose();
        Assert.That(disposed, Is.EqualTo(1));
    }

    private sealed class CountingBus(Action onDispose) : Firmware.Hardware.ISpiBus
    {
        public void TransferFullDuplex(byte[] writeBuffer, byte[] readBuffer, int count)
        {
        }

        public void Dispose() => onDispose();
    }
}

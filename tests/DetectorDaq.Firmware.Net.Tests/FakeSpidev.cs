using System.Device.Gpio;
using System.Device.Spi;
using DetectorDaq.Controller.Linux.Hardware;
using DetectorDaq.Hil.Fpga;

namespace DetectorDaq.Firmware.Net.Tests;

/// <summary>Board hardware whose only device is a HIL virtual FPGA, to exercise the builder without a bus.</summary>
internal sealed class FakeSpidev
{
    public bool Disposed { get; private set; }

    public IBoardHardware Open() => new Hardware(this);

    private sealed class Hardware(FakeSpidev owner) : IBoardHardware
    {
        public GpioController Gpio => throw new InvalidOperationException("the fake board has no GPIO");

        public SpiDevice OpenSpi(SpiConnectionSettings settings) => new VirtualFpga(1, (_, _) => UnitsNet.ElectricCurrent.Zero);

        public void Dispose() => owner.Disposed = true;
    }
}

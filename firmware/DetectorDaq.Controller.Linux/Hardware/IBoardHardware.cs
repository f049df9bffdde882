using System.Device.Gpio;
using System.Device.Spi;

namespace DetectorDaq.Controller.Linux.Hardware;

/// <summary>One way of reaching the board's SPI devices and GPIO lines; owns what it opened.</summary>
public interface IBoardHardware : IDisposable
{
    /// <summary>Opens the SPI device that <paramref name="settings"/> names.</summary>
    /// <exception cref="ControllerSetupException">The device is absent or cannot be opened.</exception>
    SpiDevice OpenSpi(SpiConnectionSettings settings);

    /// <summary>The GPIO controller for DRDY and SYNC/RESET (one per board; disposed with the hardware).</summary>
    /// <exception cref="ControllerSetupException">No GPIO controller can be opened.</exception>
    GpioController Gpio { get; }
}

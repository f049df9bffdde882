using System.Device.Gpio;
using System.Device.Spi;
using Iot.Device.Ft4222;

namespace DetectorDaq.Controller.Linux.Hardware;

/// <summary>
/// An FTDI FT4222H USB bridge: SPI master on its chip selects, DRDY and SYNC/RESET on its GPIO2/GPIO3
/// (GPIO0/1 are the I2C pins). Needs LibFT4222 installed.
/// </summary>
public sealed class Ft4222Hardware : IBoardHardware
{
    private readonly int _deviceIndex;
    private GpioController? _gpio;

    /// <summary>Uses the FT4222 at <paramref name="deviceIndex"/> in the FTDI device list.</summary>
    public Ft4222Hardware(int deviceIndex)
    {
        _deviceIndex = deviceIndex;
    }

    /// <inheritdoc/>
    public GpioController Gpio => _gpio ??= HardwareFailure.Translate(
        "no FT4222 GPIO (is the FT4222 plugged in and LibFT4222 installed?)",
        () => new GpioController(new Ft4222Gpio(_deviceIndex)));

    /// <inheritdoc/>
    public SpiDevice OpenSpi(SpiConnectionSettings settings) => HardwareFailure.Translate(
        "no FT4222 SPI (is the FT4222 plugged in and LibFT4222 installed?)",
        () => new Ft4222Spi(new SpiConnectionSettings(_deviceIndex, settings.ChipSelectLine)
        {
            Mode = settings.Mode,
            ClockFrequency = settings.ClockFrequency,
        }));

    /// <inheritdoc/>
    public void Dispose() => _gpio?.Dispose();
}

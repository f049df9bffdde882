using System.Device.Gpio;
using System.Device.Spi;
using Iot.Device.Ft232H;

namespace DetectorDaq.Controller.Linux.Hardware;

/// <summary>
/// An FTDI FT232H in MPSSE mode: SPI on ADBUS0…2 with chip selects on any ADBUS/ACBUS pin (the chip
/// select number is the FT232H pin number, ADBUS3 = 3), DRDY and SYNC/RESET on other pins. Needs libftd2xx.
/// </summary>
public sealed class Ft232hHardware : IBoardHardware
{
    private Ft232HDevice? _device;
    private GpioController? _gpio;

    /// <inheritdoc/>
    public GpioController Gpio => _gpio ??= HardwareFailure.Translate("cannot open FT232H GPIO", () => Device.CreateGpioController());

    private Ft232HDevice Device => _device ??= FindDevice();

    /// <inheritdoc/>
    public SpiDevice OpenSpi(SpiConnectionSettings settings) =>
        HardwareFailure.Translate("cannot open FT232H SPI", () => Device.CreateSpiDevice(settings));

    /// <inheritdoc/>
    public void Dispose()
    {
        _gpio?.Dispose();
        _device?.Dispose();
    }

    private static Ft232HDevice FindDevice()
    {
        var devices = HardwareFailure.Translate("cannot list FTDI devices (is libftd2xx installed?)", Ft232HDevice.GetFt232H);
        return devices.Count > 0
            ? devices[0]
            : throw new ControllerSetupException("no FT232H found on USB (check the cable and that no other driver, e.g. ftdi_sio, holds it)");
    }
}

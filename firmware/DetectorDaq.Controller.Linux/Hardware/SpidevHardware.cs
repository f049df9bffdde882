using System.Device.Gpio;
using System.Device.Spi;

namespace DetectorDaq.Controller.Linux.Hardware;

/// <summary>The Linux kernel's spidev and GPIO character devices.</summary>
public sealed class SpidevHardware : IBoardHardware
{
    private readonly string _deviceDirectory;
    private GpioController? _gpio;

    /// <summary>Looks for spidev nodes in <paramref name="deviceDirectory"/> (tests point it elsewhere).</summary>
    public SpidevHardware(string deviceDirectory = "/dev")
    {
        _deviceDirectory = deviceDirectory;
    }

    /// <inheritdoc/>
    public GpioController Gpio => _gpio ??= OpenGpio();

    /// <summary>The device node that <paramref name="settings"/> opens, for example /dev/spidev0.1.</summary>
    public string DevicePath(SpiConnectionSettings settings) =>
        Path.Combine(_deviceDirectory, $"spidev{settings.BusId}.{settings.ChipSelectLine}");

    /// <inheritdoc/>
    public SpiDevice OpenSpi(SpiConnectionSettings settings)
    {
        var path = DevicePath(settings);
        if (!File.Exists(path))
        {
            // SpiDevice.Create only fails on the first transfer; say now what is missing.
            throw new ControllerSetupException($"{path} does not exist: enable SPI (raspi-config / dtparam=spi=on) or choose --spi-bus and the chip selects, or --bridge ft4222|ft232h");
        }

        return HardwareFailure.Translate($"cannot open {path}", () => SpiDevice.Create(settings));
    }

    /// <inheritdoc/>
    public void Dispose() => _gpio?.Dispose();

    private static GpioController OpenGpio() =>
        HardwareFailure.Translate("no GPIO controller on this machine (/dev/gpiochip*)", () => new GpioController());
}

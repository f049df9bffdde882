using System.Device.Spi;
using System.Net;
using System.Net.Sockets;
using DetectorDaq.Controller.Linux.Hardware;
using DetectorDaq.Firmware.Controller;
using DetectorDaq.Firmware.Fpga;
using DetectorDaq.Firmware.Hardware;
using DetectorDaq.Firmware.Net.Board;
using AdsDriver = DetectorDaq.Firmware.Ads131m08.Ads131m08;

namespace DetectorDaq.Controller.Linux;

/// <summary>
/// Assembles a real board from <see cref="LinuxControllerOptions"/>: opens the SPI devices and GPIO lines
/// through the chosen bridge, builds the drivers and the firmware core, and starts the control server.
/// </summary>
public sealed class LinuxBoardBuilder
{
    /// <summary>Board name reported in Hello.</summary>
    public const string BoardName = "linux-ads131m08-ddc264";

    /// <summary>Firmware version reported in Hello.</summary>
    public const string FirmwareVersion = "0.1.0";

    private readonly Func<LinuxControllerOptions, IBoardHardware> _openHardware;

    /// <summary>Opens hardware with <see cref="OpenHardware"/>, or with <paramref name="openHardware"/> where given.</summary>
    public LinuxBoardBuilder(Func<LinuxControllerOptions, IBoardHardware>? openHardware = null)
    {
        _openHardware = openHardware ?? OpenHardware;
    }

    /// <summary>The hardware access that <see cref="LinuxControllerOptions.Bridge"/> names.</summary>
    public static IBoardHardware OpenHardware(LinuxControllerOptions options) => options.Bridge switch
    {
        SpiBridge.Spidev => new SpidevHardware(),
        SpiBridge.Ft4222 => new Ft4222Hardware(options.SpiBus),
        SpiBridge.Ft232h => new Ft232hHardware(),
        _ => throw new ControllerSetupException($"unknown SPI bridge {options.Bridge}"),
    };

    /// <summary>SPI settings of the ADS131M08: mode 1 (CPOL 0, CPHA 1; SBAS950 §8.5.1).</summary>
    public static SpiConnectionSettings AdsSpiSettings(LinuxControllerOptions options) =>
        new(options.SpiBus, options.AdsChipSelect) { Mode = SpiMode.Mode1, ClockFrequency = options.AdsSpiHertz };

    /// <summary>SPI settings of the FPGA: mode 0 (fpga-interfaces/registers/fpga.yaml).</summary>
    public static SpiConnectionSettings FpgaSpiSettings(LinuxControllerOptions options) =>
        new(options.SpiBus, options.FpgaChipSelect) { Mode = SpiMode.Mode0, ClockFrequency = options.FpgaSpiHertz };

    /// <summary>Validates <paramref name="options"/>, opens the hardware and starts serving.</summary>
    /// <exception cref="ControllerSetupException">An option is wrong, hardware is missing or the port is taken.</exception>
    public LinuxController Start(LinuxControllerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (!File.Exists(options.ThermalZonePath))
        {
            throw new ControllerSetupException($"thermal zone {options.ThermalZonePath} does not exist: pass --thermal-zone with a file holding milli-degrees Celsius");
        }

        var hardware = _openHardware(options);
        ControllerBoard? board = null;
        try
        {
            var clock = new StopwatchClock();
            var ads = options.HasAds131m08 ? OpenAds131m08(hardware, options, clock) : null;
            var fpga = options.Ddc264Chips > 0 ? new FpgaLink(new SpiDeviceBus(hardware.OpenSpi(FpgaSpiSettings(options)))) : null;
            var identity = new BoardIdentity(FirmwareVersion, BoardName, options.SerialNumber);
            board = new ControllerBoard(identity, clock, new LinuxThermalZone(options.ThermalZonePath), ads!, fpga!, options.Ddc264Chips);
            return new LinuxController(hardware, board, OpenEndpoint(options));
        }
        catch
        {
            board?.Dispose();
            hardware.Dispose();
            throw;
        }
    }

    private static AdsDriver OpenAds131m08(IBoardHardware hardware, LinuxControllerOptions options, IClock clock)
    {
        var spi = new SpiDeviceBus(hardware.OpenSpi(AdsSpiSettings(options)));
        try
        {
            var dataReady = new GpioInputLine(hardware.Gpio, options.DataReadyPin);
            var syncReset = options.SyncResetPin < 0 ? null : new GpioOutputLine(hardware.Gpio, options.SyncResetPin, initialHigh: true);
            return new AdsDriver(spi, dataReady, syncReset!, clock);
        }
        catch
        {
            spi.Dispose();
            throw;
        }
    }

    private static IPEndPoint OpenEndpoint(LinuxControllerOptions options) => new(IPAddress.Any, options.Port);

    /// <summary>Wraps a failed bind of the control port in a one-line setup error.</summary>
    internal static ControllerSetupException PortUnavailable(int port, SocketException exception) =>
        new($"cannot listen on TCP port {port}: {(exception.SocketErrorCode == SocketError.AddressAlreadyInUse ? "already in use" : exception.Message)}", exception);
}

namespace DetectorDaq.Controller.Linux;

/// <summary>What the Linux controller is wired to and where it serves; defaults match the README's Raspberry Pi wiring.</summary>
public sealed record LinuxControllerOptions
{
    /// <summary>Default control port (TCP).</summary>
    public const int DefaultPort = 5800;

    /// <summary>Default ADS131M08 SPI clock: 8 MHz, under the chip's 25 MHz limit with margin for wiring.</summary>
    public const int DefaultAdsSpiHertz = 8_000_000;

    /// <summary>Default FPGA SPI clock.</summary>
    public const int DefaultFpgaSpiHertz = 10_000_000;

    /// <summary>Default Linux thermal zone for housekeeping temperature.</summary>
    public const string DefaultThermalZone = "/sys/class/thermal/thermal_zone0/temp";

    /// <summary>Control port, 0 (any free port) to 65535.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>How SPI and GPIO are reached.</summary>
    public SpiBridge Bridge { get; init; } = SpiBridge.Spidev;

    /// <summary>SPI bus number (spidev: B in /dev/spidevB.C; FT4222: device index; FT232H: ignored).</summary>
    public int SpiBus { get; init; }

    /// <summary>Chip select of the ADS131M08 (spidev: C in /dev/spidevB.C).</summary>
    public int AdsChipSelect { get; init; }

    /// <summary>Chip select of the FPGA.</summary>
    public int FpgaChipSelect { get; init; } = 1;

    /// <summary>ADS131M08 SPI clock in hertz (1 Hz to 25 MHz, SBAS950 §6.6).</summary>
    public int AdsSpiHertz { get; init; } = DefaultAdsSpiHertz;

    /// <summary>FPGA SPI clock in hertz (1 Hz to 50 MHz).</summary>
    public int FpgaSpiHertz { get; init; } = DefaultFpgaSpiHertz;

    /// <summary>GPIO number of the ADS131M08's DRDY output (active low).</summary>
    public int DataReadyPin { get; init; } = 25;

    /// <summary>GPIO number driving the ADS131M08's SYNC/RESET input, or −1 where it is not wired.</summary>
    public int SyncResetPin { get; init; } = 24;

    /// <summary>False when the board carries no ADS131M08.</summary>
    public bool HasAds131m08 { get; init; } = true;

    /// <summary>DDC264 chips in the chain behind the FPGA, 0 to 16; 0 means the board has no FPGA.</summary>
    public int Ddc264Chips { get; init; }

    /// <summary>Serial number reported in Hello.</summary>
    public string SerialNumber { get; init; } = "LNX-0001";

    /// <summary>File holding the board temperature in milli-degrees Celsius.</summary>
    public string ThermalZonePath { get; init; } = DefaultThermalZone;

    /// <summary>Checks every option without touching hardware.</summary>
    /// <exception cref="ControllerSetupException">An option is out of range; the message names it.</exception>
    public void Validate()
    {
        Require(Port is >= 0 and <= 65535, $"--port {Port} is not a TCP port (0…65535)");
        Require(SpiBus >= 0, $"--spi-bus {SpiBus} is negative");
        Require(HasAds131m08 || Ddc264Chips > 0, "the board has neither an ADS131M08 nor DDC264 chips: drop --no-ads131m08 or set --ddc264-chips");
        Require(Ddc264Chips is >= 0 and <= 16, $"--ddc264-chips {Ddc264Chips} is outside 0…16");
        Require(SerialNumber.Length is > 0 and <= 16, "--serial must be 1 to 16 characters");
        if (HasAds131m08)
        {
            Require(AdsChipSelect >= 0, $"--ads-cs {AdsChipSelect} is negative");
            Require(AdsSpiHertz is > 0 and <= 25_000_000, $"--ads-spi-hz {AdsSpiHertz} is outside 1…25000000 (ADS131M08 SCLK limit)");
            Require(DataReadyPin >= 0, $"--drdy-pin {DataReadyPin} is negative");
            Require(SyncResetPin >= -1, $"--sync-reset-pin {SyncResetPin} is below -1 (not wired)");
            Require(SyncResetPin != DataReadyPin, $"--drdy-pin and --sync-reset-pin are both GPIO {DataReadyPin}");
        }

        if (Ddc264Chips > 0)
        {
            Require(FpgaChipSelect >= 0, $"--fpga-cs {FpgaChipSelect} is negative");
            Require(FpgaSpiHertz is > 0 and <= 50_000_000, $"--fpga-spi-hz {FpgaSpiHertz} is outside 1…50000000");
            Require(!HasAds131m08 || FpgaChipSelect != AdsChipSelect, $"--ads-cs and --fpga-cs are both chip select {AdsChipSelect}");
        }
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ControllerSetupException(message);
        }
    }
}

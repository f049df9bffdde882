using System.CommandLine;

namespace DetectorDaq.Controller.Linux;

/// <summary>The command line of detdaq-controller: options and their mapping to <see cref="LinuxControllerOptions"/>.</summary>
public static class ControllerCommand
{
    private static readonly LinuxControllerOptions Defaults = new();

    private static readonly Option<int> Port = new("--port") { Description = "TCP port of the control protocol", DefaultValueFactory = _ => Defaults.Port };
    private static readonly Option<SpiBridge> Bridge = new("--bridge") { Description = "how SPI/GPIO are reached: spidev, ft4222 or ft232h", DefaultValueFactory = _ => Defaults.Bridge };
    private static readonly Option<int> SpiBus = new("--spi-bus") { Description = "SPI bus (spidev B in /dev/spidevB.C; FT4222 device index)", DefaultValueFactory = _ => Defaults.SpiBus };
    private static readonly Option<int> AdsChipSelect = new("--ads-cs") { Description = "chip select of the ADS131M08", DefaultValueFactory = _ => Defaults.AdsChipSelect };
    private static readonly Option<int> FpgaChipSelect = new("--fpga-cs") { Description = "chip select of the FPGA", DefaultValueFactory = _ => Defaults.FpgaChipSelect };
    private static readonly Option<int> AdsSpiHertz = new("--ads-spi-hz") { Description = "ADS131M08 SPI clock in Hz (SPI mode 1)", DefaultValueFactory = _ => Defaults.AdsSpiHertz };
    private static readonly Option<int> FpgaSpiHertz = new("--fpga-spi-hz") { Description = "FPGA SPI clock in Hz (SPI mode 0)", DefaultValueFactory = _ => Defaults.FpgaSpiHertz };
    private static readonly Option<int> DataReadyPin = new("--drdy-pin") { Description = "GPIO of the ADS131M08 DRDY output (active low)", DefaultValueFactory = _ => Defaults.DataReadyPin };
    private static readonly Option<int> SyncResetPin = new("--sync-reset-pin") { Description = "GPIO driving ADS131M08 SYNC/RESET, -1 when not wired", DefaultValueFactory = _ => Defaults.SyncResetPin };
    private static readonly Option<bool> NoAds131m08 = new("--no-ads131m08") { Description = "the board carries no ADS131M08" };
    private static readonly Option<int> Ddc264Chips = new("--ddc264-chips") { Description = "DDC264 chips behind the FPGA, 0 = no FPGA", DefaultValueFactory = _ => Defaults.Ddc264Chips };
    private static readonly Option<string> SerialNumber = new("--serial") { Description = "serial number reported in Hello", DefaultValueFactory = _ => Defaults.SerialNumber };
    private static readonly Option<string> ThermalZone = new("--thermal-zone") { Description = "file with the board temperature in milli-degrees Celsius", DefaultValueFactory = _ => Defaults.ThermalZonePath };

    /// <summary>The root command; <paramref name="run"/> receives the parsed options and returns the exit code.</summary>
    public static RootCommand Create(Func<LinuxControllerOptions, int> run)
    {
        var root = new RootCommand("DetectorDAQ acquisition controller on Linux: real ADS131M08 / FPGA + DDC264 over spidev, FT4222 or FT232H")
        {
            Port, Bridge, SpiBus, AdsChipSelect, FpgaChipSelect, AdsSpiHertz, FpgaSpiHertz,
            DataReadyPin, SyncResetPin, NoAds131m08, Ddc264Chips, SerialNumber, ThermalZone,
        };
        root.SetAction(parseResult => run(ReadOptions(parseResult)));
        return root;
    }

    /// <summary>Maps a parse result of <see cref="Create"/>'s command to options (not yet validated).</summary>
    public static LinuxControllerOptions ReadOptions(ParseResult parseResult) => new()
    {
        Port = parseResult.GetValue(Port),
        Bridge = parseResult.GetValue(Bridge),
        SpiBus = parseResult.GetValue(SpiBus),
        AdsChipSelect = parseResult.GetValue(AdsChipSelect),
        FpgaChipSelect = parseResult.GetValue(FpgaChipSelect),
        AdsSpiHertz = parseResult.GetValue(AdsSpiHertz),
        FpgaSpiHertz = parseResult.GetValue(FpgaSpiHertz),
        DataReadyPin = parseResult.GetValue(DataReadyPin),
        SyncResetPin = parseResult.GetValue(SyncResetPin),
        HasAds131m08 = !parseResult.GetValue(NoAds131m08),
        Ddc264Chips = parseResult.GetValue(Ddc264Chips),
        SerialNumber = parseResult.GetValue(SerialNumber) ?? Defaults.SerialNumber,
        ThermalZonePath = parseResult.GetValue(ThermalZone) ?? Defaults.ThermalZonePath,
    };
}

using System.Device.Spi;
using System.Net;
using System.Net.Sockets;
using DetectorDaq.Controller.Linux;
using DetectorDaq.Controller.Linux.Hardware;

namespace DetectorDaq.Firmware.Net.Tests;

public sealed class LinuxOptionTests
{
    private string _thermalZone = "";

    [SetUp]
    public void WriteThermalZone()
    {
        _thermalZone = Path.GetTempFileName();
        File.WriteAllText(_thermalZone, "41500\n");
    }

    [TearDown]
    public void DeleteThermalZone() => File.Delete(_thermalZone);

    [Test]
    public void DefaultsMatchTheReadmeWiring()
    {
        var options = Parse();

        Assert.Multiple(() =>
        {
            Assert.That(options, Is.EqualTo(new LinuxControllerOptions()));
            Assert.That(options.Port, Is.EqualTo(5800));
            Assert.That(options.AdsSpiHertz, Is.EqualTo(8_000_000));
            Assert.That(options.Bridge, Is.EqualTo(SpiBridge.Spidev));
        });
    }

    [Test]
    public void EveryOptionReachesTheBuilder()
    {
        var options = Parse(
            "--port", "6000", "--bridge", "ft232h", "--spi-bus", "1", "--ads-cs", "2", "--fpga-cs", "3",
            "--ads-spi-hz", "4000000", "--fpga-spi-hz", "20000000", "--drdy-pin", "5", "--sync-reset-pin", "-1",
            "--no-ads131m08", "--ddc264-chips", "4", "--serial", "PI-7", "--thermal-zone", "/tmp/t");

        Assert.That(options, Is.EqualTo(new LinuxControllerOptions
        {
            Port = 6000, Bridge = SpiBridge.Ft232h, SpiBus = 1, AdsChipSelect = 2, FpgaChipSelect = 3,
            AdsSpiHertz = 4_000_000, FpgaSpiHertz = 20_000_000, DataReadyPin = 5, SyncResetPin = -1,
            HasAds131m08 = false, Ddc264Chips = 4, SerialNumber = "PI-7", ThermalZonePath = "/tmp/t",
        }));
    }

    [TestCase("--port", "70000", "--port 70000")]
    [TestCase("--ddc264-chips", "17", "--ddc264-chips 17")]
    [TestCase("--ads-spi-hz", "30000000", "ADS131M08 SCLK limit")]
    [TestCase("--ads-spi-hz", "0", "--ads-spi-hz 0")]
    [TestCase("--drdy-pin", "24", "--drdy-pin and --sync-reset-pin are both GPIO 24")]
    [TestCase("--serial", "", "--serial must be 1 to 16 characters")]
    public void InvalidOptionIsNamedInTheError(string option, string value, string expected)
    {
        var options = Parse(option, value);

        Assert.That(options.Validate, Throws.TypeOf<ControllerSetupException>().With.Message.Contains(expected));
    }

    [Test]
    public void SameChipSelectForAdcAndFpgaIsRejected()
    {
        var options = Parse("--ddc264-chips", "2", "--fpga-cs", "0");

        Assert.That(options.Validate, Throws.TypeOf<ControllerSetupException>().With.Message.EqualTo("--ads-cs and --fpga-cs are both chip select 0"));
    }

    [Test]
    public void BoardWithoutAnyChipIsRejected()
    {
        Assert.That(Parse("--no-ads131m08").Validate, Throws.TypeOf<ControllerSetupException>().With.Message.Contains("neither an ADS131M08 nor DDC264"));
    }

    [Test]
    public void AdcAndFpgaUseTheirOwnSpiModes()
    {
        var options = Parse("--spi-bus", "1", "--ads-cs", "0", "--fpga-cs", "1", "--ads-spi-hz", "8000000", "--fpga-spi-hz", "12000000");

        Assert.Multiple(() =>
        {
            var ads = LinuxBoardBuilder.AdsSpiSettings(options);
            var fpga = LinuxBoardBuilder.FpgaSpiSettings(options);
            Assert.That((ads.BusId, ads.ChipSelectLine, ads.Mode, ads.ClockFrequency), Is.EqualTo((1, 0, SpiMode.Mode1, 8_000_000)));
            Assert.That((fpga.BusId, fpga.ChipSelectLine, fpga.Mode, fpga.ClockFrequency), Is.EqualTo((1, 1, SpiMode.Mode0, 12_000_000)));
        });
    }

    [Test]
    public void WhenSpidevIsAbsent_StartFailsWithOneLineNamingTheDevice()
    {
        var devices = Directory.CreateTempSubdirectory().FullName;
        var builder = new LinuxBoardBuilder(_ => new SpidevHardware(devices));

        var exception = Assert.Throws<ControllerSetupException>(() => builder.Start(new LinuxControllerOptions { ThermalZonePath = _thermalZone, Port = 0 }));

        Assert.That(exception!.Message, Does.StartWith($"{Path.Combine(devices, "spidev0.0")} does not exist: enable SPI"));
        Assert.That(exception.Message, Does.Not.Contain('\n'));
    }

    [Test]
    public void WhenThermalZoneIsAbsent_StartFailsBeforeTouchingHardware()
    {
        var builder = new LinuxBoardBuilder(_ => throw new AssertionException("hardware opened"));

        Assert.That(
            () => builder.Start(new LinuxControllerOptions { ThermalZonePath = "/nonexistent/temp" }),
            Throws.TypeOf<ControllerSetupException>().With.Message.StartsWith("thermal zone /nonexistent/temp does not exist"));
    }

    [Test]
    public void SetupErrorIsOneStderrLineAndExitCodeOne()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var host = new ControllerHost(new LinuxBoardBuilder(_ => new SpidevHardware(Directory.CreateTempSubdirectory().FullName)), output, error);
        using var stop = new ManualResetEvent(true);

        var exitCode = host.Run(new LinuxControllerOptions { ThermalZonePath = _thermalZone }, stop);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(error.ToString().TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(error.ToString(), Does.StartWith("detdaq-controller: ").And.Contain("spidev0.0 does not exist"));
            Assert.That(output.ToString(), Is.Empty);
        });
    }

    [Test]
    public void ParseErrorExitsWithCodeOne()
    {
        var ran = false;
        var command = ControllerCommand.Create(_ =>
        {
            ran = true;
            return 0;
        });
        var configuration = new System.CommandLine.InvocationConfiguration { Output = new StringWriter(), Error = new StringWriter() };

        var exitCode = command.Parse(["--bridge", "usb"]).Invoke(configuration);

        Assert.That((exitCode, ran), Is.EqualTo((1, false)));
    }

    [Test]
    public void WhenPortIsTaken_StartFailsWithOneLineNamingThePort()
    {
        using var taken = new TcpListener(IPAddress.Any, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var hardware = new FakeSpidev();
        var builder = new LinuxBoardBuilder(_ => hardware.Open());

        Assert.That(
            () => builder.Start(new LinuxControllerOptions { ThermalZonePath = _thermalZone, Port = port, HasAds131m08 = false, Ddc264Chips = 1 }),
            Throws.TypeOf<ControllerSetupException>().With.Message.EqualTo($"cannot listen on TCP port {port}: already in use"));
        Assert.That(hardware.Disposed, Is.True);
    }

    private static LinuxControllerOptions Parse(params string[] args)
    {
        LinuxControllerOptions? parsed = null;
        var exitCode = ControllerCommand.Create(options =>
        {
            parsed = options;
            return 0;
        }).Parse(args).Invoke();
        Assert.That(exitCode, Is.Zero);
        return parsed!;
    }
}

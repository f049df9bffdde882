using System.Device.Adc;
using System.Device.Gpio;
using System.Device.Spi;
using DetectorDaq.Firmware.Control;
using DetectorDaq.Firmware.Controller;
using DetectorDaq.Firmware.Fpga;
using nanoFramework.Hardware.Esp32;

namespace DetectorDaq.Firmware.Board.Esp32
{
    /// <summary>Firmware entry point: wires the ESP32 board to the portable core and serves TCP port 5800.</summary>
    public static class Program
    {
        /// <summary>Control port of the acquisition controller.</summary>
        public const int ControlPort = 5800;

        /// <summary>Fitted DDC264 chips behind the FPGA (set to the board's chain length; 0 without FPGA).</summary>
        public const int Ddc264Chips = 4;

        /// <summary>Builds the board and serves control connections until power-off.</summary>
        public static void Main()
        {
            Configuration.SetPinFunction(PinMap.AdsMosi, DeviceFunction.SPI1_MOSI);
            Configuration.SetPinFunction(PinMap.AdsMiso, DeviceFunction.SPI1_MISO);
            Configuration.SetPinFunction(PinMap.AdsClock, DeviceFunction.SPI1_CLOCK);
            Configuration.SetPinFunction(PinMap.FpgaMosi, DeviceFunction.SPI2_MOSI);
            Configuration.SetPinFunction(PinMap.FpgaMiso, DeviceFunction.SPI2_MISO);
            Configuration.SetPinFunction(PinMap.FpgaClock, DeviceFunction.SPI2_CLOCK);

            var gpio = new GpioController();
            var clock = new NanoClock();
            var adsSpi = SpiDevice.Create(new SpiConnectionSettings(PinMap.AdsSpiBus, PinMap.AdsChipSelect)
            {
                Mode = SpiMode.Mode1,
                ClockFrequency = PinMap.AdsSpiHertz,
            });
            var fpgaSpi = SpiDevice.Create(new SpiConnectionSettings(PinMap.FpgaSpiBus, PinMap.FpgaChipSelect)
            {
                Mode = SpiMode.Mode0,
                ClockFrequency = PinMap.FpgaSpiHertz,
            });

            var ads = new Ads131m08.Ads131m08(
                new NanoSpiBus(adsSpi),
                new NanoDigitalInput(gpio, PinMap.AdsDataReady),
                new NanoDigitalOutput(gpio, PinMap.AdsSyncReset),
                clock);
            var fpga = new FpgaLink(new NanoSpiBus(fpgaSpi));
            var identity = new BoardIdentity("0.1.0", "esp32-ads131m08-ddc264", "ESP32-0001");
            var temperature = new Lm35TemperatureSensor(new AdcController(), PinMap.TemperatureAdcChannel);
            var board = new ControllerBoard(identity, clock, temperature, ads, fpga, Ddc264Chips);

            var stateMachine = new ControllerStateMachine();
            var backend = new AcquisitionController(board, new NanoDataLinkFactory(), stateMachine);
            new NanoTcpControlServer(new ControlDispatcher(backend, stateMachine), ControlPort).Run();
        }
    }
}

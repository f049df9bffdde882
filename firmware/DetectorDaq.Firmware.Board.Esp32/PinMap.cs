namespace DetectorDaq.Firmware.Board.Esp32
{
    /// <summary>
    /// ESP32-WROOM-32 wiring of the controller board. nanoFramework routes SPI through the ESP32's GPIO
    /// matrix after Configuration.SetPinFunction, so its bus numbers (SPI1, SPI2) name nanoFramework buses,
    /// not IDF hosts; which IDF host (HSPI/VSPI) backs SPI1 is UNCONFIRMED and does not matter at 8 MHz.
    /// </summary>
    public static class PinMap
    {
        /// <summary>nanoFramework SPI bus of the ADS131M08 (wired to the VSPI pins; SPI mode 1).</summary>
        public const int AdsSpiBus = 1;

        /// <summary>ADS131M08 DIN.</summary>
        public const int AdsMosi = 23;

        /// <summary>ADS131M08 DOUT.</summary>
        public const int AdsMiso = 19;

        /// <summary>ADS131M08 SCLK.</summary>
        public const int AdsClock = 18;

        /// <summary>ADS131M08 CS (nanoFramework ESP32 takes the chip select as a GPIO number).</summary>
        public const int AdsChipSelect = 5;

        /// <summary>ADS131M08 DRDY, active low; input with pull-up.</summary>
        public const int AdsDataReady = 4;

        /// <summary>ADS131M08 SYNC/RESET, output idling high (GPIO2 is a strapping pin: low at boot is harmless, the chip just stays in reset).</summary>
        public const int AdsSyncReset = 2;

        /// <summary>nanoFramework SPI bus of the FPGA (wired to the HSPI pins; SPI mode 0).</summary>
        public const int FpgaSpiBus = 2;

        /// <summary>FPGA MOSI.</summary>
        public const int FpgaMosi = 13;

        /// <summary>FPGA MISO (GPIO12 is the flash-voltage strap: the FPGA must not pull it high at boot).</summary>
        public const int FpgaMiso = 12;

        /// <summary>FPGA SCK.</summary>
        public const int FpgaClock = 14;

        /// <summary>FPGA CS (GPIO15 is a strapping pin that idles high, as CS does).</summary>
        public const int FpgaChipSelect = 15;

        /// <summary>LM35 output: GPIO36 = ADC1 channel 0 (ADC1 keeps working while Wi-Fi runs; ADC2 does not).</summary>
        public const int TemperatureAdcChannel = 0;

        /// <summary>ADS131M08 SCLK in hertz.</summary>
        public const int AdsSpiHertz = 8000000;

        /// <summary>FPGA SCLK in hertz.</summary>
        public const int FpgaSpiHertz = 10000000;
    }
}

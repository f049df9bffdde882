using System.Device.Adc;
using DetectorDaq.Firmware.Controller;

namespace DetectorDaq.Firmware.Board.Esp32
{
    /// <summary>
    /// Board temperature from an LM35 (10 mV/°C, 0 V at 0 °C) on an ESP32 ADC1 input, 12-bit over 3.3 V.
    /// The ESP32 SAR ADC is nonlinear near its ends and its span depends on attenuation; expect ±2 °C.
    /// </summary>
    public sealed class Lm35TemperatureSensor : ITemperatureSensor
    {
        private const int FullScaleMillivolts = 3300;
        private const int FullScaleCodes = 4096;
        private const int MillivoltsPerDegree = 10;

        private readonly AdcChannel _channel;

        /// <summary>Opens ADC1 channel <paramref name="channel"/> (0 = GPIO36).</summary>
        public Lm35TemperatureSensor(AdcController controller, int channel)
        {
            _channel = controller.OpenChannel(channel);
        }

        /// <inheritdoc/>
        public int ReadMilliCelsius()
        {
            // millivolts = code × 3300 / 4096; m°C = millivolts × 1000 / 10.
            long code = _channel.ReadValue();
            return (int)(code * FullScaleMillivolts * 1000 / MillivoltsPerDegree / FullScaleCodes);
        }
    }
}

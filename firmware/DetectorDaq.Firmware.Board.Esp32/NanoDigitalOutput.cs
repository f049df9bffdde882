using System.Device.Gpio;
using DetectorDaq.Firmware.Hardware;

namespace DetectorDaq.Firmware.Board.Esp32
{
    /// <summary>A GPIO output such as the ADS131M08's SYNC/RESET.</summary>
    public sealed class NanoDigitalOutput : IDigitalOutput
    {
        private readonly GpioPin _pin;

        /// <summary>Opens <paramref name="pinNumber"/> as an output, initially high.</summary>
        public NanoDigitalOutput(GpioController controller, int pinNumber)
        {
            _pin = controller.OpenPin(pinNumber, PinMode.Output);
            _pin.Write(PinValue.High);
        }

        /// <inheritdoc/>
        public void Write(bool high)
        {
            _pin.Write(high ? PinValue.High : PinValue.Low);
        }
    }
}

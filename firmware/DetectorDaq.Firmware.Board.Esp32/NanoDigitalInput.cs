using System.Device.Gpio;
using System.Threading;
using DetectorDaq.Firmware.Hardware;

namespace DetectorDaq.Firmware.Board.Esp32
{
    /// <summary>A GPIO input whose falling edges wake a waiting reader (DRDY is active low).</summary>
    public sealed class NanoDigitalInput : IDigitalInput
    {
        private readonly GpioPin _pin;
        private readonly AutoResetEvent _fell = new AutoResetEvent(false);

        /// <summary>Opens <paramref name="pinNumber"/> as an input with a pull-up.</summary>
        public NanoDigitalInput(GpioController controller, int pinNumber)
        {
            _pin = controller.OpenPin(pinNumber, PinMode.InputPullUp);
            _pin.ValueChanged += OnValueChanged;
        }

        /// <inheritdoc/>
        public bool Read()
        {
            return _pin.Read() == PinValue.High;
        }

        /// <inheritdoc/>
        public bool WaitForLow(int timeoutMilliseconds)
        {
            if (!Read())
            {
                return true;
            }

            _fell.WaitOne(timeoutMilliseconds, false);
            return !Read();
        }

        private void OnValueChanged(object sender, PinValueChangedEventArgs e)
        {
            if (e.ChangeType == PinEventTypes.Falling)
            {
                _fell.Set();
            }
        }
    }
}

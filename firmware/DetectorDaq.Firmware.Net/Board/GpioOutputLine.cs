using System.Device.Gpio;
using DetectorDaq.Firmware.Hardware;

namespace DetectorDaq.Firmware.Net.Board;

/// <summary>A GPIO output (SYNC/RESET) driven through <see cref="GpioController"/>.</summary>
public sealed class GpioOutputLine : IDigitalOutput, IDisposable
{
    private readonly GpioController _controller;
    private readonly int _pin;
    private readonly bool _shouldDispose;

    /// <summary>Opens <paramref name="pin"/> as an output at <paramref name="initialHigh"/>.</summary>
    public GpioOutputLine(GpioController controller, int pin, bool initialHigh, bool shouldDispose = false)
    {
        _controller = controller;
        _pin = pin;
        _shouldDispose = shouldDispose;
        _controller.OpenPin(pin, PinMode.Output, initialHigh ? PinValue.High : PinValue.Low);
    }

    /// <inheritdoc/>
    public void Write(bool high) => _controller.Write(_pin, high ? PinValue.High : PinValue.Low);

    /// <inheritdoc/>
    public void Dispose()
    {
        _controller.ClosePin(_pin);
        if (_shouldDispose)
        {
            _controller.Dispose();
        }
    }
}

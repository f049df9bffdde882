using System.Device.Gpio;
using DetectorDaq.Firmware.Hardware;

namespace DetectorDaq.Firmware.Net.Board;

/// <summary>A GPIO input (DRDY, FIFO interrupt) read through <see cref="GpioController"/>.</summary>
public sealed class GpioInputLine : IDigitalInput, IDisposable
{
    private readonly GpioController _controller;
    private readonly int _pin;
    private readonly bool _shouldDispose;

    /// <summary>Opens <paramref name="pin"/> as an input; the controller is disposed with this line when <paramref name="shouldDispose"/>.</summary>
    public GpioInputLine(GpioController controller, int pin, bool shouldDispose = false)
    {
        _controller = controller;
        _pin = pin;
        _shouldDispose = shouldDispose;
        _controller.OpenPin(pin, PinMode.Input);
    }

    /// <inheritdoc/>
    public bool Read() => _controller.Read(_pin) == PinValue.High;

    /// <inheritdoc/>
    public bool WaitForLow(int timeoutMilliseconds)
    {
        if (!Read())
        {
            return true;
        }

        var result = _controller.WaitForEvent(_pin, PinEventTypes.Falling, TimeSpan.FromMilliseconds(timeoutMilliseconds));
        return !result.TimedOut || !Read();
    }

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

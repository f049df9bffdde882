using System.Device.Gpio;

namespace DetectorDaq.Hil.Gpio;

/// <summary>
/// A <see cref="GpioDriver"/> with <c>pinCount</c> virtual pins, so firmware code written against a real
/// <see cref="GpioController"/> runs in the HIL: the simulation drives inputs (the FPGA's FIFO-not-empty
/// interrupt, a DRDY line) with <see cref="SetInputLevel"/> and watches outputs (the DDC264 RESET pins)
/// with <see cref="GetOutputLevel"/> or <see cref="OutputChanged"/>.
/// </summary>
/// <remarks>
/// A pin reads its output level in <see cref="PinMode.Output"/>, otherwise the level the simulation
/// drives, or its pull (up: high, else low) while nothing drives it. Callbacks and
/// <see cref="WaitForEvent"/> see every change of the level a pin reads.
/// </remarks>
public sealed class VirtualGpioDriver : GpioDriver
{
    // A plain object, not Lock: WaitForEvent needs Monitor.Wait.
    private readonly object _sync = new();
    private readonly Pin[] _pins;

    /// <summary>Creates a driver with pins 0 … <paramref name="pinCount"/> − 1.</summary>
    public VirtualGpioDriver(int pinCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pinCount, 1);
        _pins = new Pin[pinCount];
        for (var pin = 0; pin < pinCount; pin++)
        {
            _pins[pin] = new Pin();
        }
    }

    /// <summary>Raised, outside any lock, when the firmware changes the level of an output pin.</summary>
    public event EventHandler<PinValueChangedEventArgs>? OutputChanged;

    /// <inheritdoc />
    protected override int PinCount => _pins.Length;

    /// <summary>Drives input <paramref name="pinNumber"/> from the simulation side.</summary>
    public void SetInputLevel(int pinNumber, PinValue level)
    {
        Change(pinNumber, pin => pin.DrivenLevel = level);
    }

    /// <summary>Level the firmware last wrote to <paramref name="pinNumber"/> (low before any write).</summary>
    public PinValue GetOutputLevel(int pinNumber)
    {
        lock (_sync)
        {
            return PinAt(pinNumber).OutputLevel;
        }
    }

    /// <summary>Mode of <paramref name="pinNumber"/> as the firmware set it.</summary>
    public PinMode GetMode(int pinNumber)
    {
        lock (_sync)
        {
            return PinAt(pinNumber).Mode;
        }
    }

    /// <inheritdoc />
    protected override void OpenPin(int pinNumber)
    {
        lock (_sync)
        {
            PinAt(pinNumber);
        }
    }

    /// <inheritdoc />
    protected override void ClosePin(int pinNumber)
    {
        lock (_sync)
        {
            PinAt(pinNumber).Callbacks.Clear();
        }
    }

    /// <inheritdoc />
    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        if (!IsPinModeSupported(pinNumber, mode))
        {
            throw new InvalidOperationException($"Virtual pin {pinNumber} does not support mode {mode}.");
        }

        Change(pinNumber, pin => pin.Mode = mode);
    }

    /// <inheritdoc />
    protected override void SetPinMode(int pinNumber, PinMode mode, PinValue initialValue)
    {
        if (mode == PinMode.Output)
        {
            Change(pinNumber, pin => pin.OutputLevel = initialValue);
        }

        SetPinMode(pinNumber, mode);
    }

    /// <inheritdoc />
    protected override PinMode GetPinMode(int pinNumber) => GetMode(pinNumber);

    /// <inheritdoc />
    protected override bool IsPinModeSupported(int pinNumber, PinMode mode)
    {
        lock (_sync)
        {
            PinAt(pinNumber);
        }

        return mode is PinMode.Input or PinMode.InputPullUp or PinMode.InputPullDown or PinMode.Output;
    }

    /// <inheritdoc />
    protected override PinValue Read(int pinNumber)
    {
        lock (_sync)
        {
            return PinAt(pinNumber).Level;
        }
    }

    /// <inheritdoc />
    protected override void Write(int pinNumber, PinValue value)
    {
        var changed = false;
        Change(pinNumber, pin =>
        {
            changed = pin.OutputLevel != value;
            pin.OutputLevel = value;
        });
        if (changed)
        {
            OutputChanged?.Invoke(this, new PinValueChangedEventArgs(value == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling, pinNumber));
        }
    }

    /// <inheritdoc />
    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.Register(() =>
        {
            lock (_sync)
            {
                Monitor.PulseAll(_sync);
            }
        });
        lock (_sync)
        {
            var pin = PinAt(pinNumber);
            var seen = pin.EdgeCount;
            while (true)
            {
                if (pin.EdgeCount != seen)
                {
                    seen = pin.EdgeCount;
                    if ((pin.LastEdge & eventTypes) != 0)
                    {
                        return new WaitForEventResult { EventTypes = pin.LastEdge, TimedOut = false };
                    }
                }

                if (cancellationToken.IsCancellationRequested)
                {
                    return new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true };
                }

                Monitor.Wait(_sync);
            }
        }
    }

    /// <inheritdoc />
    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (_sync)
        {
            PinAt(pinNumber).Callbacks.Add((eventTypes, callback));
        }
    }

    /// <inheritdoc />
    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_sync)
        {
            PinAt(pinNumber).Callbacks.RemoveAll(item => item.Callback == callback);
        }
    }

    // Applies `change` under the lock; when the level the pin reads moved, records the edge, wakes
    // waiters and then, outside the lock, calls the callbacks registered for that edge.
    private void Change(int pinNumber, Action<Pin> change)
    {
        (PinEventTypes Types, PinChangeEventHandler Callback)[] callbacks;
        PinEventTypes edge;
        lock (_sync)
        {
            var pin = PinAt(pinNumber);
            var before = pin.Level;
            change(pin);
            var after = pin.Level;
            if (before == after)
            {
                return;
            }

            edge = after == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
            pin.LastEdge = edge;
            pin.EdgeCount++;
            Monitor.PulseAll(_sync);
            callbacks = [.. pin.Callbacks];
        }

        var arguments = new PinValueChangedEventArgs(edge, pinNumber);
        foreach (var (types, callback) in callbacks)
        {
            if ((types & edge) != 0)
            {
                callback(this, arguments);
            }
        }
    }

    private Pin PinAt(int pinNumber)
    {
        if (pinNumber < 0 || pinNumber >= _pins.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(pinNumber), $"Virtual pin {pinNumber} does not exist; the driver has pins 0 to {_pins.Length - 1}.");
        }

        return _pins[pinNumber];
    }

    private sealed class Pin
    {
        public PinMode Mode { get; set; } = PinMode.Input;

        public PinValue? DrivenLevel { get; set; }

        public PinValue OutputLevel { get; set; } = PinValue.Low;

        public PinEventTypes LastEdge { get; set; }

        public long EdgeCount { get; set; }

        public List<(PinEventTypes Types, PinChangeEventHandler Callback)> Callbacks { get; } = [];

        public PinValue Level => Mode switch
        {
            PinMode.Output => OutputLevel,
            _ when DrivenLevel is { } driven => driven,
            PinMode.InputPullUp => PinValue.High,
            _ => PinValue.Low,
        };
    }
}

using System.Device.Gpio;
using DetectorDaq.Hil.Gpio;

namespace DetectorDaq.Drivers.Tests.Fpga;

public sealed class VirtualGpioDriverTests
{
    private const int FifoNotEmptyPin = 3;
    private const int DdcResetPin = 5;

    [Test]
    public void OutputsWrittenThroughGpioController_AreSeenBySimulation()
    {
        var driver = new VirtualGpioDriver(8);
        using var controller = new GpioController(driver);
        var edges = new List<PinEventTypes>();
        driver.OutputChanged += (_, arguments) => edges.Add(arguments.ChangeType);
        controller.OpenPin(DdcResetPin, PinMode.Output, PinValue.High);

        controller.Write(DdcResetPin, PinValue.Low);
        var whileLow = driver.GetOutputLevel(DdcResetPin);
        controller.Write(DdcResetPin, PinValue.High);

        Assert.That(whileLow, Is.EqualTo(PinValue.Low));
        Assert.That(driver.GetOutputLevel(DdcResetPin), Is.EqualTo(PinValue.High));
        Assert.That(edges, Is.EqualTo(new[] { PinEventTypes.Falling, PinEventTypes.Rising }));
    }

    [Test]
    public void InputsDrivenBySimulation_ReadThroughGpioControllerAndRaiseCallbacks()
    {
        var driver = new VirtualGpioDriver(8);
        using var controller = new GpioController(driver);
        controller.OpenPin(FifoNotEmptyPin, PinMode.Input);
        var events = new List<PinEventTypes>();
        controller.RegisterCallbackForPinValueChangedEvent(FifoNotEmptyPin, PinEventTypes.Rising, (_, arguments) => events.Add(arguments.ChangeType));

        driver.SetInputLevel(FifoNotEmptyPin, PinValue.High);
        var high = controller.Read(FifoNotEmptyPin);
        driver.SetInputLevel(FifoNotEmptyPin, PinValue.Low);

        Assert.That(high, Is.EqualTo(PinValue.High));
        Assert.That(controller.Read(FifoNotEmptyPin), Is.EqualTo(PinValue.Low));
        Assert.That(events, Is.EqualTo(new[] { PinEventTypes.Rising }), "only the registered edge");
    }

    [Test]
    public void PullUp_ReadsHighUntilTheSimulationDrivesThePin()
    {
        var driver = new VirtualGpioDriver(8);
        using var controller = new GpioController(driver);
        controller.OpenPin(FifoNotEmptyPin, PinMode.InputPullUp);

        Assert.That(controller.Read(FifoNotEmptyPin), Is.EqualTo(PinValue.High));
        driver.SetInputLevel(FifoNotEmptyPin, PinValue.Low);
        Assert.That(controller.Read(FifoNotEmptyPin), Is.EqualTo(PinValue.Low));
    }

    [Test]
    public void WaitForEvent_ReturnsWhenAnotherThreadRaisesTheLine()
    {
        var driver = new VirtualGpioDriver(8);
        using var controller = new GpioController(driver);
        controller.OpenPin(FifoNotEmptyPin, PinMode.Input);
        using var stop = new CancellationTokenSource();
        // Keep making edges: one raised before the wait begins is missed, as on real pins.
        var raiser = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(20);
                driver.SetInputLevel(FifoNotEmptyPin, PinValue.Low);
                driver.SetInputLevel(FifoNotEmptyPin, PinValue.High);
            }
        });

        var result = controller.WaitForEvent(FifoNotEmptyPin, PinEventTypes.Rising, TimeSpan.FromSeconds(10));
        stop.Cancel();
        raiser.Wait();

        Assert.That(result.TimedOut, Is.False);
        Assert.That(result.EventTypes, Is.EqualTo(PinEventTypes.Rising));
    }

    [Test]
    public void WaitForEvent_TimesOutWithoutAnEdge()
    {
        var driver = new VirtualGpioDriver(8);
        using var controller = new GpioController(driver);
        controller.OpenPin(FifoNotEmptyPin, PinMode.Input);

        var result = controller.WaitForEvent(FifoNotEmptyPin, PinEventTypes.Falling, TimeSpan.FromMilliseconds(20));

        Assert.That(result.TimedOut, Is.True);
    }

    [Test]
    public void PinsOutsideTheDriver_AreRejected()
    {
        var driver = new VirtualGpioDriver(4);

        Assert.That(() => driver.SetInputLevel(4, PinValue.High), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}

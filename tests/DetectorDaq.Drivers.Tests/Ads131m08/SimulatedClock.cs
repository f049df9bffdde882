using DetectorDaq.Firmware.Hardware;

namespace DetectorDaq.Drivers.Tests.Ads131m08;

/// <summary>Controller clock whose delays move simulated time and the virtual chip with it.</summary>
internal sealed class SimulatedClock(Action<long> advance) : IClock
{
    public long NowNanoseconds { get; private set; }

    public void DelayMicroseconds(int microseconds)
    {
        NowNanoseconds += microseconds * 1000L;
        advance(NowNanoseconds);
    }
}

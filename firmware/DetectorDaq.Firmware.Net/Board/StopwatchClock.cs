using System.Diagnostics;
using DetectorDaq.Firmware.Hardware;

namespace DetectorDaq.Firmware.Net.Board;

/// <summary>Controller time from the high-resolution monotonic timer of the host OS.</summary>
public sealed class StopwatchClock : IClock
{
    private readonly long _origin = Stopwatch.GetTimestamp();

    /// <inheritdoc/>
    public long NowNanoseconds => (long)((Stopwatch.GetTimestamp() - _origin) * (1e9 / Stopwatch.Frequency));

    /// <inheritdoc/>
    public void DelayMicroseconds(int microseconds)
    {
        // Sleep would round microsecond delays up to the scheduler tick; chip timing needs µs.
        var end = Stopwatch.GetTimestamp() + (long)(microseconds * (Stopwatch.Frequency / 1e6));
        var spinner = default(SpinWait);
        while (Stopwatch.GetTimestamp() < end)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }
}

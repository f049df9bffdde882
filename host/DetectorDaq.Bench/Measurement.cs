using System.Diagnostics;

namespace DetectorDaq.Bench;

/// <summary>Timing helpers: repeat an action for a while and keep the median rate, so one preempted repeat does not count.</summary>
internal static class Measurement
{
    /// <summary>Median of <paramref name="repeats"/> rates (units per second), each over at least <paramref name="minimumSeconds"/> of calls to <paramref name="action"/>, which does <paramref name="unitsPerCall"/> units.</summary>
    public static double MedianRate(Action action, double unitsPerCall, int repeats, double minimumSeconds)
    {
        // Long enough for tiered JIT to reach its optimised code before anything counts.
        var warmUp = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(warmUp).TotalSeconds < minimumSeconds)
        {
            action();
        }

        var rates = new double[repeats];
        for (var r = 0; r < repeats; r++)
        {
            var calls = 0;
            var start = Stopwatch.GetTimestamp();
            double elapsed;
            do
            {
                action();
                calls++;
                elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
            }
            while (elapsed < minimumSeconds);
            rates[r] = calls * unitsPerCall / elapsed;
        }

        Array.Sort(rates);
        return rates[repeats / 2];
    }
}

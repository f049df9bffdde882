namespace DetectorDaq.Firmware.Hardware
{
    /// <summary>Time source and delays of the controller.</summary>
    public interface IClock
    {
        /// <summary>Monotonic controller time in nanoseconds.</summary>
        long NowNanoseconds { get; }

        /// <summary>Waits at least <paramref name="microseconds"/>.</summary>
        void DelayMicroseconds(int microseconds);
    }
}

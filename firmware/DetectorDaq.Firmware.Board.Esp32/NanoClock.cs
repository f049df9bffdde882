using System;
using DetectorDaq.Firmware.Hardware;

namespace DetectorDaq.Firmware.Board.Esp32
{
    /// <summary>
    /// Controller time from the runtime's 100 ns tick counter. Delays spin: chip timings are a few
    /// microseconds, far below the scheduler's millisecond sleep.
    /// </summary>
    public sealed class NanoClock : IClock
    {
        private readonly long _originTicks = DateTime.UtcNow.Ticks;

        /// <inheritdoc/>
        public long NowNanoseconds
        {
            get { return (DateTime.UtcNow.Ticks - _originTicks) * 100; }
        }

        /// <inheritdoc/>
        public void DelayMicroseconds(int microseconds)
        {
            var end = DateTime.UtcNow.Ticks + (microseconds * 10L) + 1;
            while (DateTime.UtcNow.Ticks < end)
            {
            }
        }
    }
}

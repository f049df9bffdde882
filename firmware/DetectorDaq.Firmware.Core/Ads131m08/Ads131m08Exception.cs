using System;

namespace DetectorDaq.Firmware.Ads131m08
{
    /// <summary>A failed exchange with an ADS131M08; <see cref="Error"/> says which kind.</summary>
    public sealed class Ads131m08Exception : Exception
    {
        /// <summary>Creates the exception with a one-line <paramref name="message"/>.</summary>
        public Ads131m08Exception(Ads131m08Error error, string message)
            : base(message)
        {
            Error = error;
        }

        /// <summary>The kind of failure.</summary>
        public Ads131m08Error Error { get; }
    }
}

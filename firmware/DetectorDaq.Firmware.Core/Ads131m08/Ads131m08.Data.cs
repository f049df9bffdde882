using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Ads131m08
{
    // Conversion data (SBAS950 §8.5.1.9): one data frame carries all eight channels.
    public sealed partial class Ads131m08
    {
        /// <summary>Waits up to <paramref name="timeoutMilliseconds"/> for DRDY to go low; false on timeout.</summary>
        public bool WaitForDataReady(int timeoutMilliseconds) => _dataReady.WaitForLow(timeoutMilliseconds);

        /// <summary>
        /// Waits up to <paramref name="timeoutMilliseconds"/> for DRDY, then reads one data frame into
        /// <paramref name="samples"/> (8 entries, channel order) and its STATUS word. False when DRDY
        /// stayed high. Samples are sign-extended codes on the 24-bit scale (−8388608 to 8388607) at
        /// every word length; at 16-bit word length the chip sends only the 16 MSBs, so the 8 LSBs are
        /// zero and one step is 256 codes. CRC and answer errors throw <see cref="Ads131m08Exception"/>.
        /// </summary>
        public bool TryReadFrame(int[] samples, out Ads131m08Status status, int timeoutMilliseconds)
        {
            if (samples == null || samples.Length < ChannelCount)
            {
                throw new System.ArgumentException("The sample buffer must hold 8 channels.", nameof(samples));
            }

            if (!_dataReady.WaitForLow(timeoutMilliseconds))
            {
                status = new Ads131m08Status(0);
                return false;
            }

            var response = Exchange(Ads131m08Commands.Null, null, 0);
            VerifyOutputCrc();
            if (!LooksLikeStatus(response))
            {
                throw new Ads131m08Exception(Ads131m08Error.UnexpectedResponse, "ADS131M08 data frame starts with 0x" + response.ToString("X4") + ", which is not a STATUS word for the current word length and CRC type.");
            }

            for (var channel = 0; channel < ChannelCount; channel++)
            {
                samples[channel] = DecodeSample(_receive, (1 + channel) * _lastWordBytes, _wordLength);
            }

            status = new Ads131m08Status(response);
            return true;
        }

        /// <summary>
        /// Like <see cref="TryReadFrame"/>, but throws <see cref="Ads131m08Exception"/> with
        /// <see cref="Ads131m08Error.DataReadyTimeout"/> when DRDY stays high.
        /// </summary>
        public Ads131m08Status ReadFrame(int[] samples, int timeoutMilliseconds)
        {
            Ads131m08Status status;
            if (!TryReadFrame(samples, out status, timeoutMilliseconds))
            {
                throw new Ads131m08Exception(Ads131m08Error.DataReadyTimeout, "ADS131M08 DRDY stayed high for " + timeoutMilliseconds.ToString("D") + " ms.");
            }

            return status;
        }

        // Channel word layouts (SBAS950 Table 8-16), MSB first:
        //   16-bit:            D23..D16 | D15..D8                   (8 LSBs of the result dropped)
        //   24-bit:            D23..D16 | D15..D8 | D7..D0
        //   32-bit zero pad:   D23..D16 | D15..D8 | D7..D0 | 0x00
        //   32-bit sign ext.:  S (8 × D23) | D23..D16 | D15..D8 | D7..D0
        private static int DecodeSample(byte[] buffer, int offset, WordLength length)
        {
            switch (length)
            {
                case WordLength.Bits16:
                    return ((sbyte)buffer[offset] << 16) | (buffer[offset + 1] << 8);
                case WordLength.Bits32SignExtended:
                    return ((sbyte)buffer[offset + 1] << 16) | (buffer[offset + 2] << 8) | buffer[offset + 3];
                default:
                    return ((sbyte)buffer[offset] << 16) | (buffer[offset + 1] << 8) | buffer[offset + 2];
            }
        }
    }
}

using System;
using DetectorDaq.Firmware.Fpga;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Ddc264
{
    /// <summary>
    /// Turns a FIFO frame's payload (the chain's DOUT bit stream, MSB first in 32-bit words) into samples
    /// in module channel order.
    /// </summary>
    public static class Ddc264Unpacker
    {
        /// <summary>
        /// Unpacks <paramref name="frame"/> into <paramref name="samples"/>, index = chip × 64 + channel
        /// (chip 0 nearest the FPGA, channel 0 = IN1). Samples are unipolar codes, 0…2^16−1 or 0…2^20−1.
        /// Returns the number of samples (chips × 64).
        /// </summary>
        public static int Unpack(FifoFrame frame, int[] samples)
        {
            if (frame == null)
            {
                throw new ArgumentNullException(nameof(frame));
            }

            if (samples == null)
            {
                throw new ArgumentNullException(nameof(samples));
            }

            var total = frame.Chips * FifoFrameFormat.ChannelsPerChip;
            if (samples.Length < total)
            {
                throw new ArgumentException($"The frame has {total} samples; the array holds {samples.Length}.", nameof(samples));
            }

            if (frame.PayloadWordCount != FifoFrame.PayloadWordsFor(frame.Chips, frame.Format))
            {
                throw new ArgumentException($"The frame has {frame.PayloadWordCount} payload words, not the {FifoFrame.PayloadWordsFor(frame.Chips, frame.Format)} of {frame.Chips} chips.", nameof(frame));
            }

            var bits = frame.Format == Ddc264Format.Bits20 ? 20 : 16;
            var mask = (1UL << bits) - 1;
            var payload = frame.Payload;
            for (var position = 0; position < total; position++)
            {
                var bit = position * bits;
                var word = bit >> 5;
                var window = (ulong)payload[word] << 32;
                if (word + 1 < frame.PayloadWordCount)
                {
                    window |= payload[word + 1];
                }

                var value = (int)((window >> (64 - (bit & 31) - bits)) & mask);
                samples[ModuleChannelOf(position)] = value;
            }

            return total;
        }

        /// <summary>
        /// Module channel (chip × 64 + channel) of the sample at <paramref name="position"/> in the DOUT stream.
        /// </summary>
        /// <remarks>
        /// The one place that holds the stream order, both parts UNCONFIRMED best beliefs (chips.md D4):
        /// the chip nearest the FPGA (chip 0) sends its own 64 channels first and then passes on what
        /// arrives on its DIN from chip 1, 2, … (SBAS368 §8.3.4.5.1 "Cascading Multiple Converters");
        /// within a chip the channels leave in descending order, IN64 first (SBA-Library DDC264.vhd
        /// stores the first word at index 63; the sibling DDC114 does the same).
        /// </remarks>
        public static int ModuleChannelOf(int position)
        {
            var chip = position / FifoFrameFormat.ChannelsPerChip;
            var channel = FifoFrameFormat.ChannelsPerChip - 1 - (position % FifoFrameFormat.ChannelsPerChip);
            return (chip * FifoFrameFormat.ChannelsPerChip) + channel;
        }
    }
}

using System;
using DetectorDaq.Firmware.Ddc264;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Fpga
{
    /// <summary>
    /// One FPGA FIFO frame (fifo-frame.yaml): header fields and the chain's DOUT bit stream as 32-bit
    /// words. Reused from frame to frame, so reading allocates nothing.
    /// </summary>
    public sealed class FifoFrame
    {
        /// <summary>Longest DDC264 chain the FPGA drives (CHAIN_LENGTH.CHIPS, 1 to 16).</summary>
        public const int MaxChips = 16;

        /// <summary>Creates a frame whose payload holds up to <paramref name="maxChips"/> chips of 20-bit data.</summary>
        public FifoFrame(int maxChips)
        {
            if (maxChips < 1 || maxChips > MaxChips)
            {
                throw new ArgumentOutOfRangeException(nameof(maxChips), $"A DDC264 chain has 1 to {MaxChips} chips, not {maxChips}.");
            }

            MaxChipCount = maxChips;
            Payload = new uint[maxChips * FifoFrameFormat.PayloadWordsPerChip20bit];
        }

        /// <summary>Chips the payload buffer has room for.</summary>
        public int MaxChipCount { get; }

        /// <summary>FPGA frame counter (FRAME_HIGH:FRAME_LOW); counts dropped frames too, so gaps show losses.</summary>
        public ulong FrameNumber { get; set; }

        /// <summary>FPGA time of the CONV edge that ended the integration, in ns since FRAME_COUNTER_CLEAR.</summary>
        public ulong TimestampNanoseconds { get; set; }

        /// <summary>Data come from integrator side B (SYNC.SIDE_B).</summary>
        public bool SideB { get; set; }

        /// <summary>Integrator side the data come from.</summary>
        public IntegratorSide Side => SideB ? IntegratorSide.B : IntegratorSide.A;

        /// <summary>Data come from the FPGA test-pattern generator, not from the chips.</summary>
        public bool TestPattern { get; set; }

        /// <summary>Frames were dropped before this one because the FIFO was full.</summary>
        public bool Overflow { get; set; }

        /// <summary>Chips in the chain that produced the frame (1 to <see cref="MaxChipCount"/>).</summary>
        public int Chips { get; set; }

        /// <summary>Sample word length.</summary>
        public Ddc264Format Format { get; set; }

        /// <summary>Payload words: the DOUT bit stream MSB first; <see cref="PayloadWordCount"/> of them are valid.</summary>
        public uint[] Payload { get; }

        /// <summary>Valid words in <see cref="Payload"/>.</summary>
        public int PayloadWordCount { get; set; }

        /// <summary>Payload words of <paramref name="chips"/> chips in <paramref name="format"/>: 40 per chip at 20 bits, 32 at 16 bits.</summary>
        public static int PayloadWordsFor(int chips, Ddc264Format format) =>
            chips * (format == Ddc264Format.Bits20 ? FifoFrameFormat.PayloadWordsPerChip20bit : FifoFrameFormat.PayloadWordsPerChip16bit);
    }
}

using System;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Fpga
{
    /// <summary>
    /// Drains the FPGA FIFO and cuts it into frames (fifo-frame.yaml). Words that do not form a valid
    /// frame are skipped up to the next SYNC word and counted, so one corrupt word costs one frame, not the run.
    /// </summary>
    /// <remarks>
    /// Frame in the FIFO, one 32-bit word per row:
    /// <code>
    ///   0  SYNC            [31:16] 0xDDCF | [15] SIDE_B | [14] TEST_PATTERN | [13] OVERFLOW | [12] FORMAT_20BIT | [4:0] CHIPS
    ///   1  FRAME_LOW       frame counter [31:0]
    ///   2  FRAME_HIGH      frame counter [63:32]
    ///   3  TIMESTAMP_LOW   ns [31:0]
    ///   4  TIMESTAMP_HIGH  ns [63:32]
    ///   5… payload         CHIPS × 40 words (20-bit) or × 32 words (16-bit), DOUT bits MSB first
    ///   …  TRAILER         [31:16] 0xDDCE | [15:0] payload word count
    /// </code>
    /// A frame may sit in the FIFO only partly when the FPGA is still writing it; the reader keeps
    /// the part and completes it on a later call.
    /// </remarks>
    public sealed class FifoFrameReader
    {
        private const int HeaderWords = FifoFrameFormat.Size / 4;

        private readonly FpgaLink _fpga;
        private readonly int _maxChips;
        private readonly uint[] _buffer;
        private int _start;
        private int _count;
        private bool _resynchronising;

        /// <summary>Reads frames of up to <paramref name="maxChips"/> chips from <paramref name="fpga"/>.</summary>
        public FifoFrameReader(FpgaLink fpga, int maxChips)
        {
            if (fpga == null)
            {
                throw new ArgumentNullException(nameof(fpga));
            }

            if (maxChips < 1 || maxChips > FifoFrame.MaxChips)
            {
                throw new ArgumentOutOfRangeException(nameof(maxChips), $"A DDC264 chain has 1 to {FifoFrame.MaxChips} chips, not {maxChips}.");
            }

            _fpga = fpga;
            _maxChips = maxChips;
            _buffer = new uint[2 * MaxFrameWords(maxChips)];
        }

        /// <summary>Times the reader lost frame alignment and searched for the next SYNC word.</summary>
        public long ResyncCount { get; private set; }

        /// <summary>Words skipped while searching for SYNC.</summary>
        public long DiscardedWords { get; private set; }

        /// <summary>Words of the FIFO held by the reader that belong to no returned frame yet.</summary>
        public int BufferedWords => _count;

        /// <summary>
        /// Forgets the words read from the FIFO but not yet returned as a frame. Call it whenever the
        /// FPGA's FIFO is cleared (start of a run), or frames of the previous run would come out first.
        /// </summary>
        public void Clear()
        {
            _start = 0;
            _count = 0;
        }

        /// <summary>
        /// Reads the next complete frame into <paramref name="frame"/>. False when the FIFO holds no complete frame yet.
        /// </summary>
        public bool TryReadFrame(FifoFrame frame)
        {
            if (frame == null)
            {
                throw new ArgumentNullException(nameof(frame));
            }

            if (frame.MaxChipCount < _maxChips)
            {
                throw new ArgumentException($"The frame holds {frame.MaxChipCount} chips; the reader returns up to {_maxChips}.", nameof(frame));
            }

            while (true)
            {
                if (_count == 0 && !Fill(1))
                {
                    return false;
                }

                var sync = _buffer[_start];
                var chips = (int)((sync & FifoFrameFormat.SyncChipsMask) >> FifoFrameFormat.SyncChipsShift);
                if ((sync >> FifoFrameFormat.SyncMagicShift) != FifoFrameFormat.SyncMagicValue || chips < 1 || chips > _maxChips)
                {
                    Discard();
                    continue;
                }

                var format = (sync & FifoFrameFormat.SyncFormat20bitMask) != 0 ? Ddc264Format.Bits20 : Ddc264Format.Bits16;
                var payloadWords = FifoFrame.PayloadWordsFor(chips, format);
                var frameWords = HeaderWords + payloadWords + FifoFrameFormat.TrailerWords;
                if (_count < frameWords && !Fill(frameWords))
                {
                    return false;
                }

                var trailer = _buffer[_start + frameWords - 1];
                if (trailer != (((uint)FifoFrameFormat.TrailerMagic << 16) | (uint)payloadWords))
                {
                    Discard();
                    continue;
                }

                Decode(frame, sync, chips, format, payloadWords);
                _start += frameWords;
                _count -= frameWords;
                _resynchronising = false;
                return true;
            }
        }

        /// <summary>Words of the longest frame of <paramref name="chips"/> chips: header, 20-bit payload and trailer.</summary>
        public static int MaxFrameWords(int chips) =>
            HeaderWords + FifoFrame.PayloadWordsFor(chips, Ddc264Format.Bits20) + FifoFrameFormat.TrailerWords;

        private void Decode(FifoFrame frame, uint sync, int chips, Ddc264Format format, int payloadWords)
        {
            frame.SideB = (sync & FifoFrameFormat.SyncSideBMask) != 0;
            frame.TestPattern = (sync & FifoFrameFormat.SyncTestPatternMask) != 0;
            frame.Overflow = (sync & FifoFrameFormat.SyncOverflowMask) != 0;
            frame.Chips = chips;
            frame.Format = format;
            frame.FrameNumber = _buffer[_start + 1] | ((ulong)_buffer[_start + 2] << 32);
            frame.TimestampNanoseconds = _buffer[_start + 3] | ((ulong)_buffer[_start + 4] << 32);
            Array.Copy(_buffer, _start + HeaderWords, frame.Payload, 0, payloadWords);
            frame.PayloadWordCount = payloadWords;
        }

        private void Discard()
        {
            if (!_resynchronising)
            {
                _resynchronising = true;
                ResyncCount++;
            }

            DiscardedWords++;
            _start++;
            _count--;
        }

        // Tops the buffer up from the FIFO; true once it holds at least `wanted` words.
        private bool Fill(int wanted)
        {
            if (_start > 0)
            {
                Array.Copy(_buffer, _start, _buffer, 0, _count);
                _start = 0;
            }

            _count += _fpga.ReadFifo(_buffer, _count, _buffer.Length - _count);
            return _count >= wanted;
        }
    }
}

using System;
using DetectorDaq.Firmware.Hardware;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Fpga
{
    /// <summary>
    /// Register access to the DetectorDAQ acquisition FPGA over SPI (protocol in fpga.yaml, <c>spi:</c>).
    /// Writes are checked against the generated register map before any bus traffic.
    /// </summary>
    /// <remarks>
    /// One transaction per chip-select assertion, SPI mode 0, MSB first:
    /// <code>
    ///   byte    0              1          2          3          4          5..8   9..12 ...
    ///   MOSI  [R A6..A0]     [D31..24]  [D23..16]  [D15..8]   [D7..0]            (write, R = 0)
    ///   MOSI  [R A6..A0]     [0x00]     [0x00]     [0x00]     [0x00]     [0x00 ...]  (read, R = 1)
    ///   MISO  [don't care]   [D31..24]  [D23..16]  [D15..8]   [D7..0]   [word 2] [word 3] ...
    /// </code>
    /// Only FIFO_DATA and DDC_READBACK continue past byte 4: the FPGA pops one word per four bytes
    /// for as long as chip select stays low.
    /// </remarks>
    public sealed class FpgaLink : IDisposable
    {
        /// <summary>Words moved per chip-select assertion; longer bursts are split.</summary>
        public const int MaxBurstWords = 64;

        private const byte ReadFlag = 0x80;
        private const int HeaderBytes = 1;
        private const int WordBytes = 4;

        private readonly ISpiBus _spi;
        private readonly bool _shouldDispose;
        private readonly byte[] _writeBuffer = new byte[HeaderBytes + (MaxBurstWords * WordBytes)];
        private readonly byte[] _readBuffer = new byte[HeaderBytes + (MaxBurstWords * WordBytes)];
        private bool _disposed;

        /// <summary>Creates the link over <paramref name="spi"/>; disposes it with the link unless <paramref name="shouldDispose"/> is false.</summary>
        public FpgaLink(ISpiBus spi, bool shouldDispose = true)
        {
            if (spi == null)
            {
                throw new ArgumentNullException(nameof(spi));
            }

            _spi = spi;
            _shouldDispose = shouldDispose;
        }

        /// <summary>Reads the 32-bit register at <paramref name="address"/> (0x00…0x7F, defined in the map).</summary>
        public uint ReadRegister(int address)
        {
            CheckReadable(address);
            Transfer(address, 1);
            return ByteOrder.ReadUInt32BigEndian(_readBuffer, HeaderBytes);
        }

        /// <summary>
        /// Writes <paramref name="value"/> to the register at <paramref name="address"/>. Throws when the
        /// address holds no register or the value sets reserved or read-only bits; write-1 action bits count as writable.
        /// </summary>
        public void WriteRegister(int address, uint value)
        {
            ThrowIfDisposed();
            if (!FpgaRegisters.IsDefined(address))
            {
                throw new ArgumentOutOfRangeException(nameof(address), $"FPGA address 0x{address:X2} holds no register.");
            }

            var forbidden = value & ~FpgaRegisters.WritableMask(address);
            if (forbidden != 0)
            {
                throw new ArgumentException($"Value 0x{value:X8} sets bits 0x{forbidden:X8} that are reserved or read-only in FPGA register 0x{address:X2}.", nameof(value));
            }

            _writeBuffer[0] = (byte)address;
            ByteOrder.WriteUInt32BigEndian(_writeBuffer, HeaderBytes, value);
            _spi.TransferFullDuplex(_writeBuffer, _readBuffer, HeaderBytes + WordBytes);
        }

        /// <summary>
        /// Pops up to <paramref name="count"/> words from the FPGA FIFO into <paramref name="words"/> from
        /// <paramref name="offset"/>; never more than FIFO_LEVEL reports, so no empty slot is read. Returns the words read.
        /// </summary>
        public int ReadFifo(uint[] words, int offset, int count)
        {
            CheckRange(words, offset, count);
            var level = (int)((ReadRegister(FpgaRegisters.FifoLevelAddress) & FpgaRegisters.FifoLevelWordsMask) >> FpgaRegisters.FifoLevelWordsShift);
            var toRead = count < level ? count : level;
            ReadBurst(FpgaRegisters.FifoDataAddress, words, offset, toRead);
            return toRead;
        }

        /// <summary>
        /// Reads <paramref name="count"/> successive DDC_READBACK words (one per chip, the chip nearest the FPGA
        /// first) into <paramref name="words"/> from <paramref name="offset"/>. Returns <paramref name="count"/>.
        /// </summary>
        public int ReadDdcReadBack(uint[] words, int offset, int count)
        {
            CheckRange(words, offset, count);
            ReadBurst(FpgaRegisters.DdcReadbackAddress, words, offset, count);
            return count;
        }

        /// <summary>
        /// Reads ID and VERSION. False when the link answers all ones or all zeros, which is what a
        /// missing, unpowered or unconfigured FPGA puts on MISO.
        /// </summary>
        public bool TryReadId(out uint id, out uint version)
        {
            id = ReadRegister(FpgaRegisters.IdAddress);
            version = ReadRegister(FpgaRegisters.VersionAddress);
            return id != 0 && id != 0xFFFFFFFF;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_shouldDispose)
            {
                _spi.Dispose();
            }
        }

        private void ReadBurst(int address, uint[] words, int offset, int count)
        {
            while (count > 0)
            {
                var chunk = count < MaxBurstWords ? count : MaxBurstWords;
                Transfer(address, chunk);
                for (var index = 0; index < chunk; index++)
                {
                    words[offset + index] = ByteOrder.ReadUInt32BigEndian(_readBuffer, HeaderBytes + (index * WordBytes));
                }

                offset += chunk;
                count -= chunk;
            }
        }

        // One read transaction of `count` words; the answer stays in _readBuffer.
        private void Transfer(int address, int count)
        {
            ThrowIfDisposed();
            var length = HeaderBytes + (count * WordBytes);
            _writeBuffer[0] = (byte)(ReadFlag | address);
            Array.Clear(_writeBuffer, HeaderBytes, length - HeaderBytes);
            _spi.TransferFullDuplex(_writeBuffer, _readBuffer, length);
        }

        private static void CheckReadable(int address)
        {
            if (!FpgaRegisters.IsDefined(address))
            {
                throw new ArgumentOutOfRangeException(nameof(address), $"FPGA address 0x{address:X2} holds no register.");
            }
        }

        private static void CheckRange(uint[] words, int offset, int count)
        {
            if (words == null)
            {
                throw new ArgumentNullException(nameof(words));
            }

            if (offset < 0 || count < 0 || offset > words.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count), $"{count} words from offset {offset} do not fit a buffer of {words.Length}.");
            }
        }

        private void ThrowIfDisposed()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(FpgaLink));
            }
        }
    }
}

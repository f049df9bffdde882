using DetectorDaq.Firmware.Hardware;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Control
{
    /// <summary>
    /// Payload of <see cref="ControlCommand.RegisterRead"/>, 6 bytes little-endian:
    /// <code>
    /// off size field
    ///  0  u8   chip (ChipKind)
    ///  1  u8   chip index (DDC264: position in the chain from 0; others 0)
    ///  2  u16  first register address
    ///  4  u16  count of consecutive registers, 1..32
    /// </code>
    /// Answered by a <see cref="RegisterReadResponse"/>.
    /// </summary>
    public sealed class RegisterReadRequest
    {
        /// <summary>Payload size in bytes.</summary>
        public const int Size = ControlMessageFormat.RegisterReadRequestSize;

        /// <summary>Most registers one request reads.</summary>
        public const int MaxCount = ControlMessageFormat.RegisterReadResponseValuesMaxCount;

        /// <summary>Chip to read.</summary>
        public ChipKind Chip { get; set; }

        /// <summary>Chip position (DDC264 chain index), from 0.</summary>
        public byte ChipIndex { get; set; }

        /// <summary>First register address.</summary>
        public ushort Address { get; set; }

        /// <summary>Consecutive registers to read, 1..32.</summary>
        public ushort Count { get; set; } = 1;

        /// <summary>Writes the payload at <paramref name="offset"/>; returns <see cref="Size"/>.</summary>
        public int WriteTo(byte[] buffer, int offset)
        {
            buffer[offset] = (byte)Chip;
            buffer[offset + ControlMessageFormat.RegisterReadRequestChipIndexOffset] = ChipIndex;
            ByteOrder.WriteUInt16LittleEndian(buffer, offset + ControlMessageFormat.RegisterReadRequestAddressOffset, Address);
            ByteOrder.WriteUInt16LittleEndian(buffer, offset + ControlMessageFormat.RegisterReadRequestCountOffset, Count);
            return Size;
        }

        /// <summary>Fills <paramref name="result"/> from a payload of exactly <see cref="Size"/> bytes; false when the length is wrong.</summary>
        public static bool TryReadFrom(byte[] buffer, int offset, int length, RegisterReadRequest result)
        {
            if (length != Size || buffer == null || offset < 0 || offset > buffer.Length - Size)
            {
                return false;
            }

            result.Chip = (ChipKind)buffer[offset];
            result.ChipIndex = buffer[offset + ControlMessageFormat.RegisterReadRequestChipIndexOffset];
            result.Address = ByteOrder.ReadUInt16LittleEndian(buffer, offset + ControlMessageFormat.RegisterReadRequestAddressOffset);
            result.Count = ByteOrder.ReadUInt16LittleEndian(buffer, offset + ControlMessageFormat.RegisterReadRequestCountOffset);
            return true;
        }
    }
}

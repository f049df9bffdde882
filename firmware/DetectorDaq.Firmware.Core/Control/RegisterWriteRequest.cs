using DetectorDaq.Firmware.Hardware;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Control
{
    /// <summary>
    /// Payload of <see cref="ControlCommand.RegisterWrite"/>, 8 bytes little-endian:
    /// <code>
    /// off size field
    ///  0  u8   chip (ChipKind)
    ///  1  u8   chip index (DDC264: position in the chain from 0; others 0)
    ///  2  u16  register address
    ///  4  u32  value (16-bit chip registers in the low half)
    /// </code>
    /// The success response has no payload.
    /// </summary>
    public sealed class RegisterWriteRequest
    {
        /// <summary>Payload size in bytes.</summary>
        public const int Size = ControlMessageFormat.RegisterWriteRequestSize;

        /// <summary>Chip to write.</summary>
        public ChipKind Chip { get; set; }

        /// <summary>Chip position (DDC264 chain index), from 0.</summary>
        public byte ChipIndex { get; set; }

        /// <summary>Register address.</summary>
        public ushort Address { get; set; }

        /// <summary>Value to write.</summary>
        public uint Value { get; set; }

        /// <summary>Writes the payload at <paramref name="offset"/>; returns <see cref="Size"/>.</summary>
        public int WriteTo(byte[] buffer, int offset)
        {
            buffer[offset] = (byte)Chip;
            buffer[offset + ControlMessageFormat.RegisterWriteRequestChipIndexOffset] = ChipIndex;
            ByteOrder.WriteUInt16LittleEndian(buffer, offset + ControlMessageFormat.RegisterWriteRequestAddressOffset, Address);
            ByteOrder.WriteUInt32LittleEndian(buffer, offset + ControlMessageFormat.RegisterWriteRequestValueOffset, Value);
            return Size;
        }

        /// <summary>Fills <paramref name="result"/> from a payload of exactly <see cref="Size"/> bytes; false when the length is wrong.</summary>
        public static bool TryReadFrom(byte[] buffer, int offset, int length, RegisterWriteRequest result)
        {
            if (length != Size || buffer == null || offset < 0 || offset > buffer.Length - Size)
            {
                return false;
            }

            result.Chip = (ChipKind)buffer[offset];
            result.ChipIndex = buffer[offset + ControlMessageFormat.RegisterWriteRequestChipIndexOffset];
            result.Address = ByteOrder.ReadUInt16LittleEndian(buffer, offset + ControlMessageFormat.RegisterWriteRequestAddressOffset);
            result.Value = ByteOrder.ReadUInt32LittleEndian(buffer, offset + ControlMessageFormat.RegisterWriteRequestValueOffset);
            return true;
        }
    }
}

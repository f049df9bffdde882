using System;
using DetectorDaq.Firmware.Crc;
using DetectorDaq.Firmware.Hardware;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Control
{
    /// <summary>
    /// Builds and validates control messages (fpga-interfaces/formats/control-message.yaml):
    /// <code>
    /// byte 0        2       3      4          6         8           12               16            16+N
    ///      +--------+-------+------+----------+---------+-----------+----------------+-------------+---------+
    ///      | MAGIC  | VER=1 | KIND | COMMAND  | STATUS  | SEQUENCE  | PAYLOAD_LENGTH | payload (N) | CRC-32C |
    ///      | 0xC7D1 |  u8   |  u8  |   u16    |   u16   |    u32    |   u32 = N      |             |   u32   |
    ///      +--------+-------+------+----------+---------+-----------+----------------+-------------+---------+
    /// </code>
    /// All fields little-endian; the CRC-32C covers the header and the payload.
    /// </summary>
    public static class ControlMessageCodec
    {
        /// <summary>Header bytes; the payload starts here.</summary>
        public const int HeaderSize = ControlMessageFormat.Size;

        /// <summary>Largest whole message: header, <see cref="ControlMessageFormat.MaxPayload"/> payload bytes, trailer.</summary>
        public const int MaxMessageSize = HeaderSize + ControlMessageFormat.MaxPayload + ControlMessageFormat.TrailerSize;

        private const string ShortHeader = "message shorter than the 16-byte header";
        private const string BadMagic = "bad magic (expected 0xC7D1)";
        private const string BadVersion = "unsupported protocol version (expected 1)";
        private const string BadKind = "message kind is neither request nor response";
        private const string Oversize = "payload length exceeds 4096 bytes";
        private const string Truncated = "message shorter than its payload length and CRC";
        private const string TrailingBytes = "message longer than its payload length and CRC";
        private const string BadCrc = "CRC-32C mismatch";

        /// <summary>Whole message size for a payload of <paramref name="payloadLength"/> bytes.</summary>
        public static int MessageSize(int payloadLength) => HeaderSize + payloadLength + ControlMessageFormat.TrailerSize;

        /// <summary>
        /// Writes a whole message into <paramref name="output"/> from offset 0 and returns its length in bytes.
        /// <paramref name="payload"/> may be empty (or null) when <paramref name="payloadLength"/> is 0.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The payload is longer than 4096 bytes or does not fit the buffers.</exception>
        public static int WriteMessage(byte[] output, MessageKind kind, ControlCommand command, ControlStatus status, uint sequence, byte[] payload, int payloadLength)
        {
            if (payloadLength > 0 && (payload == null || payload.Length < payloadLength))
            {
                throw new ArgumentOutOfRangeException(nameof(payloadLength), "payload length exceeds the payload array");
            }

            CheckFits(output, payloadLength);
            if (payloadLength > 0)
            {
                Array.Copy(payload, 0, output, HeaderSize, payloadLength);
            }

            return WriteEnvelope(output, kind, (ushort)command, status, sequence, payloadLength);
        }

        /// <summary>
        /// Writes header and CRC trailer around a payload already placed at <see cref="HeaderSize"/> in
        /// <paramref name="message"/>, so responses are built without a copy. Returns the message length.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The payload is longer than 4096 bytes or does not fit the buffer.</exception>
        public static int WriteEnvelope(byte[] message, MessageKind kind, ushort commandCode, ControlStatus status, uint sequence, int payloadLength)
        {
            CheckFits(message, payloadLength);
            ByteOrder.WriteUInt16LittleEndian(message, ControlMessageFormat.MagicOffset, ControlMessageFormat.MagicValue);
            message[ControlMessageFormat.VersionOffset] = ControlMessageFormat.VersionValue;
            message[ControlMessageFormat.KindOffset] = (byte)kind;
            ByteOrder.WriteUInt16LittleEndian(message, ControlMessageFormat.CommandOffset, commandCode);
            ByteOrder.WriteUInt16LittleEndian(message, ControlMessageFormat.StatusOffset, (ushort)status);
            ByteOrder.WriteUInt32LittleEndian(message, ControlMessageFormat.SequenceOffset, sequence);
            ByteOrder.WriteUInt32LittleEndian(message, ControlMessageFormat.PayloadLengthOffset, (uint)payloadLength);
            var crcOffset = HeaderSize + payloadLength;
            ByteOrder.WriteUInt32LittleEndian(message, crcOffset, Crc32C.Compute(message, 0, crcOffset));
            return crcOffset + ControlMessageFormat.TrailerSize;
        }

        /// <summary>
        /// Reads and checks the header alone (magic, version, kind, payload length at most 4096):
        /// <see cref="ControlStatus.Ok"/> or <see cref="ControlStatus.Malformed"/>.
        /// </summary>
        public static ControlStatus TryReadHeader(byte[] buffer, int length, out ControlMessageHeader header) =>
            TryReadHeader(buffer, length, out header, out _);

        /// <summary>As <see cref="TryReadHeader(byte[], int, out ControlMessageHeader)"/>, with a one-line reason when malformed (empty when Ok).</summary>
        public static ControlStatus TryReadHeader(byte[] buffer, int length, out ControlMessageHeader header, out string reason)
        {
            header = new ControlMessageHeader();
            reason = CheckHeader(buffer, length);
            if (reason.Length != 0)
            {
                return ControlStatus.Malformed;
            }

            header.Kind = (MessageKind)buffer[ControlMessageFormat.KindOffset];
            header.CommandCode = ByteOrder.ReadUInt16LittleEndian(buffer, ControlMessageFormat.CommandOffset);
            header.StatusCode = ByteOrder.ReadUInt16LittleEndian(buffer, ControlMessageFormat.StatusOffset);
            header.Sequence = ByteOrder.ReadUInt32LittleEndian(buffer, ControlMessageFormat.SequenceOffset);
            header.PayloadLength = (int)ByteOrder.ReadUInt32LittleEndian(buffer, ControlMessageFormat.PayloadLengthOffset);
            return ControlStatus.Ok;
        }

        /// <summary>
        /// Checks a whole message of exactly <paramref name="length"/> bytes: the header, the length
        /// (neither truncated nor with trailing bytes) and the CRC. <see cref="ControlStatus.Ok"/> or
        /// <see cref="ControlStatus.Malformed"/>; the command code is not judged here.
        /// </summary>
        public static ControlStatus TryReadMessage(byte[] buffer, int length, out ControlMessageHeader header) =>
            TryReadMessage(buffer, length, out header, out _);

        /// <summary>As <see cref="TryReadMessage(byte[], int, out ControlMessageHeader)"/>, with a one-line reason when malformed (empty when Ok).</summary>
        public static ControlStatus TryReadMessage(byte[] buffer, int length, out ControlMessageHeader header, out string reason)
        {
            var status = TryReadHeader(buffer, length, out header, out reason);
            if (status != ControlStatus.Ok)
            {
                return status;
            }

            var expected = MessageSize(header.PayloadLength);
            if (length != expected)
            {
                reason = length < expected ? Truncated : TrailingBytes;
                return ControlStatus.Malformed;
            }

            var crcOffset = HeaderSize + header.PayloadLength;
            if (Crc32C.Compute(buffer, 0, crcOffset) != ByteOrder.ReadUInt32LittleEndian(buffer, crcOffset))
            {
                reason = BadCrc;
                return ControlStatus.Malformed;
            }

            return ControlStatus.Ok;
        }

        private static string CheckHeader(byte[] buffer, int length)
        {
            if (buffer == null || length < HeaderSize || length > buffer.Length)
            {
                return ShortHeader;
            }

            if (ByteOrder.ReadUInt16LittleEndian(buffer, ControlMessageFormat.MagicOffset) != ControlMessageFormat.MagicValue)
            {
                return BadMagic;
            }

            if (buffer[ControlMessageFormat.VersionOffset] != ControlMessageFormat.VersionValue)
            {
                return BadVersion;
            }

            var kind = buffer[ControlMessageFormat.KindOffset];
            if (kind != (byte)MessageKind.Request && kind != (byte)MessageKind.Response)
            {
                return BadKind;
            }

            // Compared as unsigned so that a length with the top bit set cannot pass as negative.
            if (ByteOrder.ReadUInt32LittleEndian(buffer, ControlMessageFormat.PayloadLengthOffset) > ControlMessageFormat.MaxPayload)
            {
                return Oversize;
            }

            return string.Empty;
        }

        private static void CheckFits(byte[] message, int payloadLength)
        {
            if (payloadLength < 0 || payloadLength > ControlMessageFormat.MaxPayload)
            {
                throw new ArgumentOutOfRangeException(nameof(payloadLength), "control payload must be 0 to 4096 bytes");
            }

            if (message == null || message.Length < MessageSize(payloadLength))
            {
                throw new ArgumentOutOfRangeException(nameof(message), "message buffer too small for header, payload and CRC");
            }
        }
    }
}

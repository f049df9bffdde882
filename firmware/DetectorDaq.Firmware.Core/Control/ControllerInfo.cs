using DetectorDaq.Firmware.Hardware;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Control
{
    /// <summary>
    /// Response payload of <see cref="ControlCommand.Hello"/>, little-endian, 15 to 111 bytes:
    /// <code>
    /// off size field
    ///  0  u32  FPGA id (FPGA register ID)
    ///  4  u32  FPGA version (FPGA register VERSION, major 31:16, minor 15:0)
    ///  8  u16  largest MTU the board supports, bytes
    /// 10  u8   ADS131M08 fitted (0 or 1)
    /// 11  u8   DDC264 chips in the chain (0 = none)
    /// 12  str  firmware version (u8 length + ≤ 32 ASCII)
    ///  …  str  board name (u8 length + ≤ 32 ASCII)
    ///  …  str  serial number (u8 length + ≤ 32 ASCII)
    /// </code>
    /// </summary>
    public sealed class ControllerInfo
    {
        /// <summary>Longest of each string, characters.</summary>
        public const int MaxTextLength = ControlMessageFormat.HelloResponseFirmwareVersionMaxLength;

        private const int FixedSize = 12;
        private string _firmwareVersion = string.Empty;
        private string _boardName = string.Empty;
        private string _serialNumber = string.Empty;

        /// <summary>Firmware version, printable ASCII, ≤ 32 characters.</summary>
        /// <exception cref="System.ArgumentException">Set to a longer or non-ASCII string.</exception>
        public string FirmwareVersion
        {
            get => _firmwareVersion;
            set => _firmwareVersion = AsciiField.Require(value, MaxTextLength, nameof(FirmwareVersion));
        }

        /// <summary>Board name, printable ASCII, ≤ 32 characters.</summary>
        /// <exception cref="System.ArgumentException">Set to a longer or non-ASCII string.</exception>
        public string BoardName
        {
            get => _boardName;
            set => _boardName = AsciiField.Require(value, MaxTextLength, nameof(BoardName));
        }

        /// <summary>Board serial number, printable ASCII, ≤ 32 characters.</summary>
        /// <exception cref="System.ArgumentException">Set to a longer or non-ASCII string.</exception>
        public string SerialNumber
        {
            get => _serialNumber;
            set => _serialNumber = AsciiField.Require(value, MaxTextLength, nameof(SerialNumber));
        }

        /// <summary>True when the board carries an ADS131M08.</summary>
        public bool HasAds131m08 { get; set; }

        /// <summary>DDC264 chips in the daisy chain, 0 when none.</summary>
        public byte Ddc264ChainLength { get; set; }

        /// <summary>FPGA identification word.</summary>
        public uint FpgaId { get; set; }

        /// <summary>FPGA version word.</summary>
        public uint FpgaVersion { get; set; }

        /// <summary>Largest MTU the board's network interface supports, bytes.</summary>
        public ushort MaxMtu { get; set; } = UdpDataPacketFormat.DefaultMtu;

        /// <summary>Restores the defaults (empty strings, zero values, MTU 1500).</summary>
        public void Clear()
        {
            _firmwareVersion = string.Empty;
            _boardName = string.Empty;
            _serialNumber = string.Empty;
            HasAds131m08 = false;
            Ddc264ChainLength = 0;
            FpgaId = 0;
            FpgaVersion = 0;
            MaxMtu = UdpDataPacketFormat.DefaultMtu;
        }

        /// <summary>Writes the payload at <paramref name="offset"/>; returns the bytes written.</summary>
        public int WriteTo(byte[] buffer, int offset)
        {
            ByteOrder.WriteUInt32LittleEndian(buffer, offset, FpgaId);
            ByteOrder.WriteUInt32LittleEndian(buffer, offset + ControlMessageFormat.HelloResponseFpgaVersionOffset, FpgaVersion);
            ByteOrder.WriteUInt16LittleEndian(buffer, offset + ControlMessageFormat.HelloResponseMaxMtuOffset, MaxMtu);
            buffer[offset + ControlMessageFormat.HelloResponseHasAds131m08Offset] = HasAds131m08 ? (byte)1 : (byte)0;
            buffer[offset + ControlMessageFormat.HelloResponseDdc264ChipsOffset] = Ddc264ChainLength;
            var position = offset + FixedSize;
            position += AsciiField.Write(buffer, position, _firmwareVersion);
            position += AsciiField.Write(buffer, position, _boardName);
            position += AsciiField.Write(buffer, position, _serialNumber);
            return position - offset;
        }

        /// <summary>Fills <paramref name="result"/> from a payload of exactly <paramref name="length"/> bytes; false when it is not a valid info record.</summary>
        public static bool TryReadFrom(byte[] buffer, int offset, int length, ControllerInfo result)
        {
            if (buffer == null || offset < 0 || length < FixedSize + 3 || offset > buffer.Length - length || buffer[offset + ControlMessageFormat.HelloResponseHasAds131m08Offset] > 1)
            {
                return false;
            }

            var end = offset + length;
            var position = offset + FixedSize;
            var used = AsciiField.TryRead(buffer, position, end, MaxTextLength, out var firmwareVersion);
            if (used < 0)
            {
                return false;
            }

            position += used;
            used = AsciiField.TryRead(buffer, position, end, MaxTextLength, out var boardName);
            if (used < 0)
            {
                return false;
            }

            position += used;
            used = AsciiField.TryRead(buffer, position, end, MaxTextLength, out var serialNumber);
            if (used < 0 || position + used != end)
            {
                return false;
            }

            result.FpgaId = ByteOrder.ReadUInt32LittleEndian(buffer, offset);
            result.FpgaVersion = ByteOrder.ReadUInt32LittleEndian(buffer, offset + ControlMessageFormat.HelloResponseFpgaVersionOffset);
            result.MaxMtu = ByteOrder.ReadUInt16LittleEndian(buffer, offset + ControlMessageFormat.HelloResponseMaxMtuOffset);
            result.HasAds131m08 = buffer[offset + ControlMessageFormat.HelloResponseHasAds131m08Offset] == 1;
            result.Ddc264ChainLength = buffer[offset + ControlMessageFormat.HelloResponseDdc264ChipsOffset];
            result._firmwareVersion = firmwareVersion;
            result._boardName = boardName;
            result._serialNumber = serialNumber;
            return true;
        }
    }
}

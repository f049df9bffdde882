using DetectorDaq.Firmware.Hardware;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Control
{
    /// <summary>
    /// Response payload of <see cref="ControlCommand.Housekeeping"/>, little-endian, 30 to 130 bytes:
    /// <code>
    /// off size field
    ///  0  u8   controller state (ControllerState)
    ///  1  u64  frames sent since power-up
    ///  9  u64  data packets sent since power-up
    /// 17  u32  FIFO overflows seen
    /// 21  u32  frames dropped
    /// 25  i32  board temperature, milli-degrees Celsius
    /// 29  str  last error (u8 length + ≤ 100 ASCII; empty when none)
    /// </code>
    /// </summary>
    public sealed class Housekeeping
    {
        /// <summary>Longest last-error text, characters.</summary>
        public const int MaxErrorLength = ControlMessageFormat.HousekeepingResponseLastErrorMaxLength;

        private const int FixedSize = 29;
        private string _lastError = string.Empty;

        /// <summary>Controller state.</summary>
        public ControllerState State { get; set; }

        /// <summary>Frames sent since power-up.</summary>
        public ulong FramesSent { get; set; }

        /// <summary>Data packets sent since power-up.</summary>
        public ulong PacketsSent { get; set; }

        /// <summary>FIFO overflows seen since power-up.</summary>
        public uint FifoOverflows { get; set; }

        /// <summary>Frames dropped since power-up.</summary>
        public uint FramesDropped { get; set; }

        /// <summary>Board temperature, milli-degrees Celsius.</summary>
        public int BoardTemperatureMilliCelsius { get; set; }

        /// <summary>Last error, printable ASCII, ≤ 100 characters; empty when none.</summary>
        /// <exception cref="System.ArgumentException">Set to a longer or non-ASCII string.</exception>
        public string LastError
        {
            get => _lastError;
            set => _lastError = AsciiField.Require(value, MaxErrorLength, nameof(LastError));
        }

        /// <summary>Restores zero counters, Idle and no error.</summary>
        public void Clear()
        {
            State = ControllerState.Idle;
            FramesSent = 0;
            PacketsSent = 0;
            FifoOverflows = 0;
            FramesDropped = 0;
            BoardTemperatureMilliCelsius = 0;
            _lastError = string.Empty;
        }

        /// <summary>Writes the payload at <paramref name="offset"/>; returns the bytes written.</summary>
        public int WriteTo(byte[] buffer, int offset)
        {
            buffer[offset] = (byte)State;
            ByteOrder.WriteUInt64LittleEndian(buffer, offset + ControlMessageFormat.HousekeepingResponseFramesSentOffset, FramesSent);
            ByteOrder.WriteUInt64LittleEndian(buffer, offset + ControlMessageFormat.HousekeepingResponsePacketsSentOffset, PacketsSent);
            ByteOrder.WriteUInt32LittleEndian(buffer, offset + ControlMessageFormat.HousekeepingResponseFifoOverflowsOffset, FifoOverflows);
            ByteOrder.WriteUInt32LittleEndian(buffer, offset + ControlMessageFormat.HousekeepingResponseFramesDroppedOffset, FramesDropped);
            ByteOrder.WriteUInt32LittleEndian(buffer, offset + ControlMessageFormat.HousekeepingResponseTemperatureOffset, (uint)BoardTemperatureMilliCelsius);
            return FixedSize + AsciiField.Write(buffer, offset + FixedSize, _lastError);
        }

        /// <summary>Fills <paramref name="result"/> from a payload of exactly <paramref name="length"/> bytes; false when it is not a valid record.</summary>
        public static bool TryReadFrom(byte[] buffer, int offset, int length, Housekeeping result)
        {
            if (buffer == null || offset < 0 || length < FixedSize + 1 || offset > buffer.Length - length || buffer[offset] > (byte)ControllerState.Fault)
            {
                return false;
            }

            var used = AsciiField.TryRead(buffer, offset + FixedSize, offset + length, MaxErrorLength, out var lastError);
            if (used < 0 || FixedSize + used != length)
            {
                return false;
            }

            result.State = (ControllerState)buffer[offset];
            result.FramesSent = ByteOrder.ReadUInt64LittleEndian(buffer, offset + ControlMessageFormat.HousekeepingResponseFramesSentOffset);
            result.PacketsSent = ByteOrder.ReadUInt64LittleEndian(buffer, offset + ControlMessageFormat.HousekeepingResponsePacketsSentOffset);
            result.FifoOverflows = ByteOrder.ReadUInt32LittleEndian(buffer, offset + ControlMessageFormat.HousekeepingResponseFifoOverflowsOffset);
            result.FramesDropped = ByteOrder.ReadUInt32LittleEndian(buffer, offset + ControlMessageFormat.HousekeepingResponseFramesDroppedOffset);
            result.BoardTemperatureMilliCelsius = (int)ByteOrder.ReadUInt32LittleEndian(buffer, offset + ControlMessageFormat.HousekeepingResponseTemperatureOffset);
            result._lastError = lastError;
            return true;
        }
    }
}

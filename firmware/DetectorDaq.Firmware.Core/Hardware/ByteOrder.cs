namespace DetectorDaq.Firmware.Hardware
{
    /// <summary>
    /// Little- and big-endian field access on byte arrays. nanoFramework has no BinaryPrimitives,
    /// so the packet codecs share these.
    /// </summary>
    public static class ByteOrder
    {
        /// <summary>Writes a 16-bit little-endian value.</summary>
        public static void WriteUInt16LittleEndian(byte[] buffer, int offset, ushort value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
        }

        /// <summary>Writes a 32-bit little-endian value.</summary>
        public static void WriteUInt32LittleEndian(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        /// <summary>Writes a 64-bit little-endian value.</summary>
        public static void WriteUInt64LittleEndian(byte[] buffer, int offset, ulong value)
        {
            WriteUInt32LittleEndian(buffer, offset, (uint)value);
            WriteUInt32LittleEndian(buffer, offset + 4, (uint)(value >> 32));
        }

        /// <summary>Reads a 16-bit little-endian value.</summary>
        public static ushort ReadUInt16LittleEndian(byte[] buffer, int offset) =>
            (ushort)(buffer[offset] | (buffer[offset + 1] << 8));

        /// <summary>Reads a 32-bit little-endian value.</summary>
        public static uint ReadUInt32LittleEndian(byte[] buffer, int offset) =>
            (uint)(buffer[offset] | (buffer[offset + 1] << 8) | (buffer[offset + 2] << 16) | (buffer[offset + 3] << 24));

        /// <summary>Reads a 64-bit little-endian value.</summary>
        public static ulong ReadUInt64LittleEndian(byte[] buffer, int offset) =>
            ReadUInt32LittleEndian(buffer, offset) | ((ulong)ReadUInt32LittleEndian(buffer, offset + 4) << 32);

        /// <summary>Writes a 32-bit big-endian value.</summary>
        public static void WriteUInt32BigEndian(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)(value >> 24);
            buffer[offset + 1] = (byte)(value >> 16);
            buffer[offset + 2] = (byte)(value >> 8);
            buffer[offset + 3] = (byte)value;
        }

        /// <summary>Reads a 32-bit big-endian value.</summary>
        public static uint ReadUInt32BigEndian(byte[] buffer, int offset) =>
            (uint)((buffer[offset] << 24) | (buffer[offset + 1] << 16) | (buffer[offset + 2] << 8) | buffer[offset + 3]);
    }
}

namespace DetectorDaq.Firmware.Crc
{
    /// <summary>
    /// CRC-32C (Castagnoli): reflected polynomial 0x82F63B78, initial value and final XOR 0xFFFFFFFF
    /// (RFC 3720 §B.4; check value 0xE3069283 for "123456789"). Guards data packets and control messages.
    /// </summary>
    public static class Crc32C
    {
        private const uint ReflectedPolynomial = 0x82F63B78;
        private static readonly uint[] Table = BuildTable();

        /// <summary>CRC of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public static uint Compute(byte[] data, int offset, int count) => Finish(Append(Start(), data, offset, count));

        /// <summary>Register value before the first byte.</summary>
        public static uint Start() => 0xFFFFFFFF;

        /// <summary>Feeds bytes into a running register value.</summary>
        public static uint Append(uint state, byte[] data, int offset, int count)
        {
            for (var i = offset; i < offset + count; i++)
            {
                state = Table[(state ^ data[i]) & 0xFF] ^ (state >> 8);
            }

            return state;
        }

        /// <summary>The CRC of everything appended.</summary>
        public static uint Finish(uint state) => state ^ 0xFFFFFFFF;

        private static uint[] BuildTable()
        {
            var table = new uint[256];
            for (uint i = 0; i < 256; i++)
            {
                var crc = i;
                for (var bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ ReflectedPolynomial : crc >> 1;
                }

                table[i] = crc;
            }

            return table;
        }
    }
}

namespace DetectorDaq.Firmware.Crc
{
    /// <summary>
    /// 16-bit CRCs of the ADS131M08 (SBAS950 §8.3.12): MSB first, not reflected, no final XOR,
    /// seed 0xFFFF. CCITT uses x^16 + x^12 + x^5 + 1 (0x1021, known as CRC-16/CCITT-FALSE, check
    /// value 0x29B1); ANSI uses x^16 + x^15 + x^2 + 1 (0x8005, check value 0xAEE7 for this variant).
    /// </summary>
    public sealed class Crc16
    {
        /// <summary>Seed of every ADS131M08 CRC.</summary>
        public const ushort Seed = 0xFFFF;

        /// <summary>CCITT polynomial.</summary>
        public const ushort CcittPolynomial = 0x1021;

        /// <summary>ANSI polynomial.</summary>
        public const ushort AnsiPolynomial = 0x8005;

        /// <summary>CRC with the CCITT polynomial.</summary>
        public static readonly Crc16 Ccitt = new Crc16(CcittPolynomial);

        /// <summary>CRC with the ANSI polynomial.</summary>
        public static readonly Crc16 Ansi = new Crc16(AnsiPolynomial);

        private readonly ushort[] _table = new ushort[256];

        private Crc16(ushort polynomial)
        {
            for (var i = 0; i < 256; i++)
            {
                var crc = (ushort)(i << 8);
                for (var bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ polynomial) : (ushort)(crc << 1);
                }

                _table[i] = crc;
            }
        }

        /// <summary>CRC of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public ushort Compute(byte[] data, int offset, int count) => Append(Seed, data, offset, count);

        /// <summary>Continues a CRC over more bytes.</summary>
        public ushort Append(ushort crc, byte[] data, int offset, int count)
        {
            for (var i = offset; i < offset + count; i++)
            {
                crc = (ushort)((crc << 8) ^ _table[((crc >> 8) ^ data[i]) & 0xFF]);
            }

            return crc;
        }
    }
}

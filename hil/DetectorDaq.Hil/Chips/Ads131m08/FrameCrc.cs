namespace DetectorDaq.Hil.Chips.Ads131m08;

/// <summary>
/// Bit-by-bit CRC of the virtual chip (SBAS950 §8.3.12): MSB first, not reflected, no final XOR,
/// seed 0xFFFF; CCITT 0x1021 or ANSI 0x8005. Written apart from the firmware's table-driven
/// Crc16 so that a bug in one does not hide in the other.
/// </summary>
internal static class FrameCrc
{
    public static ushort Compute(ReadOnlySpan<byte> data, bool ansi)
    {
        var polynomial = ansi ? 0x8005 : 0x1021;
        var crc = 0xFFFF;
        foreach (var value in data)
        {
            for (var bit = 7; bit >= 0; bit--)
            {
                var dataBit = (value >> bit) & 1;
                var crcBit = (crc >> 15) & 1;
                crc = (crc << 1) & 0xFFFF;
                if ((dataBit ^ crcBit) != 0)
                {
                    crc ^= polynomial;
                }
            }
        }

        return (ushort)crc;
    }
}

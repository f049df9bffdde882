namespace DetectorDaq.Firmware.Ads131m08
{
    /// <summary>
    /// 16-bit command words and the responses they produce in the following frame
    /// (SBAS950 §8.5.1.10, Table 8-11).
    /// </summary>
    public static class Ads131m08Commands
    {
        /// <summary>NULL: no operation; its response is the STATUS register.</summary>
        public const ushort Null = 0x0000;

        /// <summary>RESET: resets the chip; needs a complete frame.</summary>
        public const ushort Reset = 0x0011;

        /// <summary>STANDBY: stops the modulators; answered by the same word.</summary>
        public const ushort Standby = 0x0022;

        /// <summary>WAKEUP: leaves standby; answered by the same word.</summary>
        public const ushort WakeUp = 0x0033;

        /// <summary>LOCK: only NULL, RREG and UNLOCK are accepted afterwards; answered by the same word.</summary>
        public const ushort Lock = 0x0555;

        /// <summary>UNLOCK: answered by the same word.</summary>
        public const ushort Unlock = 0x0655;

        /// <summary>Response to RESET: 0xFF20 | channel count.</summary>
        public const ushort ResetAcknowledge = 0xFF28;

        /// <summary>
        /// RREG <c>101a aaaa annn nnnn</c>: reads <paramref name="count"/> (1 to 64) registers from
        /// <paramref name="address"/> (0 to 63).
        /// </summary>
        public static ushort ReadRegisters(int address, int count) => (ushort)(0xA000 | (address << 7) | (count - 1));

        /// <summary>Response to a multi-register RREG: <c>111a aaaa annn nnnn</c>, followed by the register words.</summary>
        public static ushort ReadRegistersAcknowledge(int address, int count) => (ushort)(0xE000 | (address << 7) | (count - 1));

        /// <summary>WREG <c>011a aaaa annn nnnn</c>: writes <paramref name="count"/> registers from <paramref name="address"/>.</summary>
        public static ushort WriteRegisters(int address, int count) => (ushort)(0x6000 | (address << 7) | (count - 1));

        /// <summary>Response to WREG: <c>010a aaaa ammm mmmm</c>, m = registers actually written.</summary>
        public static ushort WriteRegistersAcknowledge(int address, int written) => (ushort)(0x4000 | (address << 7) | ((written - 1) & 0x7F));
    }
}

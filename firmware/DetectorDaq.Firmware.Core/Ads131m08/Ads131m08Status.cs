using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Ads131m08
{
    /// <summary>
    /// The decoded STATUS register (SBAS950 §8.6.2, Table 8-15), which is also the response word of
    /// every data frame the driver reads.
    /// </summary>
    public struct Ads131m08Status
    {
        /// <summary>Decodes the 16-bit STATUS word <paramref name="raw"/>.</summary>
        public Ads131m08Status(ushort raw)
        {
            _raw = raw;
        }

        // An explicit field: a getter-only auto-property in a struct makes the compiler embed
        // IsReadOnlyAttribute, which nanoFramework does not load.
        private ushort _raw;

        /// <summary>Register value as read.</summary>
        public ushort Raw
        {
            get { return _raw; }
        }

        /// <summary>True while the interface is locked (STATUS.LOCK).</summary>
        public bool Locked => (Raw & Ads131m08Registers.StatusLockMask) != 0;

        /// <summary>True when the SYNC/RESET pin resynchronised the filters (STATUS.F_RESYNC).</summary>
        public bool Resynchronized => (Raw & Ads131m08Registers.StatusFResyncMask) != 0;

        /// <summary>True when the register-map CRC changed (STATUS.REG_MAP).</summary>
        public bool RegisterMapChanged => (Raw & Ads131m08Registers.StatusRegMapMask) != 0;

        /// <summary>True when the previous input frame failed its CRC (STATUS.CRC_ERR).</summary>
        public bool InputCrcError => (Raw & Ads131m08Registers.StatusCrcErrMask) != 0;

        /// <summary>CRC polynomial in use (STATUS.CRC_TYPE).</summary>
        public Ads131m08CrcType CrcType =>
            (Raw & Ads131m08Registers.StatusCrcTypeMask) != 0 ? Ads131m08CrcType.Ansi : Ads131m08CrcType.Ccitt;

        /// <summary>True when a reset occurred and MODE.RESET was not cleared since (STATUS.RESET).</summary>
        public bool ResetOccurred => (Raw & Ads131m08Registers.StatusResetMask) != 0;

        /// <summary>Word length in use (STATUS.WLENGTH).</summary>
        public WordLength WordLength =>
            (WordLength)((Raw & Ads131m08Registers.StatusWlengthMask) >> Ads131m08Registers.StatusWlengthShift);

        /// <summary>Data-ready flags, bit n = channel n has new data (STATUS.DRDY7..0).</summary>
        public byte DataReadyChannels => (byte)(Raw & Ads131m08Registers.StatusDrdyMask);

        /// <summary>True when channel <paramref name="channel"/> (0 to 7) has new data.</summary>
        public bool IsChannelReady(int channel) => ((DataReadyChannels >> channel) & 1) != 0;
    }
}

using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Ddc264
{
    /// <summary>
    /// One chip's configuration read-back as the FPGA summarises it in DDC_READBACK (fpga.yaml 0x09): the
    /// word, the revision ID, the first 10 bits of the check pattern and the FPGA's two checks of the
    /// raw sequence (SBAS368 §8.5.2 Table 9: zeros, word, revision, check pattern, all sent twice).
    /// </summary>
    public struct Ddc264ReadBack
    {
        /// <summary>Decodes one DDC_READBACK word.</summary>
        public Ddc264ReadBack(uint raw)
        {
            _raw = raw;
        }

        // An explicit field: a getter-only auto-property in a struct makes the compiler embed
        // IsReadOnlyAttribute, which nanoFramework does not load.
        private uint _raw;

        /// <summary>Register value as read.</summary>
        public uint Raw
        {
            get { return _raw; }
        }

        /// <summary>Configuration word read back.</summary>
        public ushort Config => (ushort)((Raw & FpgaRegisters.DdcReadbackConfigMask) >> FpgaRegisters.DdcReadbackConfigShift);

        /// <summary>4-bit revision ID of the chip.</summary>
        public int Revision => (int)((Raw & FpgaRegisters.DdcReadbackRevisionMask) >> FpgaRegisters.DdcReadbackRevisionShift);

        /// <summary>First 10 bits of the check pattern; this project expects 0x2A5 (unconfirmed against silicon).</summary>
        public uint Check => (Raw & FpgaRegisters.DdcReadbackCheckMask) >> FpgaRegisters.DdcReadbackCheckShift;

        /// <summary>The leading 320 (16-bit format: 256) bits were all zero.</summary>
        public bool ZerosOk => (Raw & FpgaRegisters.DdcReadbackZerosOkMask) != 0;

        /// <summary>Both copies of the read-back sequence were identical.</summary>
        public bool RepeatOk => (Raw & FpgaRegisters.DdcReadbackRepeatOkMask) != 0;

        /// <summary>
        /// A dead chip, or one cut off upstream, leaves DOUT low: word, revision and check pattern all zero.
        /// </summary>
        public bool IsSilent => (Raw & (FpgaRegisters.DdcReadbackConfigMask | FpgaRegisters.DdcReadbackRevisionMask | FpgaRegisters.DdcReadbackCheckMask)) == 0;

        /// <summary>True when the chip holds <paramref name="writtenWord"/> and its read-back passes every check.</summary>
        public bool Matches(ushort writtenWord) =>
            Config == writtenWord && ZerosOk && RepeatOk && Check == FpgaRegisters.DdcReadbackCheckValue;

        /// <summary>What differs from a good read-back of <paramref name="writtenWord"/>, as one line; empty when it matches.</summary>
        public string DescribeMismatch(ushort writtenWord)
        {
            var text = string.Empty;
            if (Config != writtenWord)
            {
                text = Append(text, $"configuration 0x{Config:X4} instead of 0x{writtenWord:X4}");
            }

            if (Check != FpgaRegisters.DdcReadbackCheckValue)
            {
                text = Append(text, $"check pattern 0x{Check:X3} instead of 0x{FpgaRegisters.DdcReadbackCheckValue:X3}");
            }

            if (!ZerosOk)
            {
                text = Append(text, "leading bits not zero");
            }

            if (!RepeatOk)
            {
                text = Append(text, "the two read-back copies differ");
            }

            return text;
        }

        private static string Append(string text, string item) => text.Length == 0 ? item : text + "; " + item;
    }
}

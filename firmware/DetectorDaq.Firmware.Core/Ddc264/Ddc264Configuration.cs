using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Ddc264
{
    /// <summary>
    /// The DDC264's 16-bit configuration word (ddc264.yaml; SBAS368 §8.5.2). Bit positions of RANGE and
    /// FORMAT are confirmed; CLK_4X, SPEED, SLEW and TEST come from TI's DDC264EVM software and their
    /// meaning is unconfirmed. Every bit in no field is written 0.
    /// </summary>
    /// <remarks>
    /// <code>
    ///   bit  15 14 13     12 11 10 9    8      7      6 5  4     3 2 1  0
    ///        0  0  CLK_4X 0  0  RANGE   FORMAT SPEED  0 0  SLEW  0 0 0  TEST
    /// </code>
    /// </remarks>
    public sealed class Ddc264Configuration
    {
        /// <summary>Full-scale charge range; default 150 pC.</summary>
        public Ddc264Range Range { get; set; } = Ddc264Range.Range150PicoCoulomb;

        /// <summary>Output word length; default 20-bit.</summary>
        public Ddc264Format Format { get; set; } = Ddc264Format.Bits20;

        /// <summary>CLK_4X: divide CLK by 4 so CLK may run up to about 40 MHz (unconfirmed meaning).</summary>
        public bool Clock4x { get; set; }

        /// <summary>SPEED: high-speed conversion of the C/CK grades (unconfirmed meaning).</summary>
        public bool Speed { get; set; }

        /// <summary>SLEW: DOUT slew-rate select (unconfirmed meaning).</summary>
        public bool Slew { get; set; }

        /// <summary>TEST: inputs disconnected, internal test charge integrated (unconfirmed meaning).</summary>
        public bool TestMode { get; set; }

        /// <summary>The configuration word as shifted into the chip, MSB first.</summary>
        public ushort ToWord()
        {
            var word = ((int)Range << Ddc264Registers.ConfigRangeShift) & Ddc264Registers.ConfigRangeMask;
            word |= ((int)Format << Ddc264Registers.ConfigFormatShift) & Ddc264Registers.ConfigFormatMask;
            word |= Clock4x ? Ddc264Registers.ConfigClk4xMask : 0;
            word |= Speed ? Ddc264Registers.ConfigSpeedMask : 0;
            word |= Slew ? Ddc264Registers.ConfigSlewMask : 0;
            word |= TestMode ? Ddc264Registers.ConfigTestMask : 0;
            return (ushort)word;
        }

        /// <summary>Decodes <paramref name="word"/>; reserved bits are ignored.</summary>
        public static Ddc264Configuration FromWord(ushort word)
        {
            var configuration = new Ddc264Configuration();
            configuration.Range = (Ddc264Range)((word & Ddc264Registers.ConfigRangeMask) >> Ddc264Registers.ConfigRangeShift);
            configuration.Format = (Ddc264Format)((word & Ddc264Registers.ConfigFormatMask) >> Ddc264Registers.ConfigFormatShift);
            configuration.Clock4x = (word & Ddc264Registers.ConfigClk4xMask) != 0;
            configuration.Speed = (word & Ddc264Registers.ConfigSpeedMask) != 0;
            configuration.Slew = (word & Ddc264Registers.ConfigSlewMask) != 0;
            configuration.TestMode = (word & Ddc264Registers.ConfigTestMask) != 0;
            return configuration;
        }
    }
}

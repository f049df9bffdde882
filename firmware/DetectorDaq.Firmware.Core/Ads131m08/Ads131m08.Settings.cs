using System;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Ads131m08
{
    // Read-modify-write helpers over the register map (SBAS950 §8.6).
    public sealed partial class Ads131m08
    {
        private const int OffsetMinimum = -8388608;
        private const int OffsetMaximum = 8388607;
        private const int GainCalibrationMaximum = 0xFFFFFF;

        private readonly ushort[] _pair = new ushort[2];

        /// <summary>Sets MODE.WLENGTH; the driver frames with the new length from the next frame on.</summary>
        public void SetWordLength(WordLength length) =>
            UpdateRegister(Ads131m08Registers.ModeAddress, Ads131m08Registers.ModeWlengthMask, (int)length << Ads131m08Registers.ModeWlengthShift);

        /// <summary>Sets MODE.CRC_TYPE for the input, output and register-map CRCs.</summary>
        public void SetCrcType(Ads131m08CrcType type) =>
            UpdateRegister(Ads131m08Registers.ModeAddress, Ads131m08Registers.ModeCrcTypeMask, (int)type << Ads131m08Registers.ModeCrcTypeShift);

        /// <summary>Sets MODE.RX_CRC_EN: the chip then rejects commands whose input CRC is wrong.</summary>
        public void SetInputCrcEnabled(bool enabled) =>
            UpdateRegister(Ads131m08Registers.ModeAddress, Ads131m08Registers.ModeRxCrcEnMask, enabled ? Ads131m08Registers.ModeRxCrcEnMask : 0);

        /// <summary>Sets MODE.REG_CRC_EN: the chip then keeps REGMAP_CRC and STATUS.REG_MAP up to date.</summary>
        public void SetRegisterMapCrcEnabled(bool enabled) =>
            UpdateRegister(Ads131m08Registers.ModeAddress, Ads131m08Registers.ModeRegCrcEnMask, enabled ? Ads131m08Registers.ModeRegCrcEnMask : 0);

        /// <summary>Clears MODE.RESET, and with it STATUS.RESET, so that a later reset shows.</summary>
        public void ClearResetFlag() => UpdateRegister(Ads131m08Registers.ModeAddress, Ads131m08Registers.ModeResetMask, 0);

        /// <summary>Enables or disables channel <paramref name="channel"/> (0 to 7, CLOCK.CHn_EN); a disabled channel outputs 0.</summary>
        public void SetChannelEnabled(int channel, bool enabled)
        {
            CheckChannel(channel);
            var bit = 1 << (Ads131m08Registers.ClockChEnShift + channel);
            UpdateRegister(Ads131m08Registers.ClockAddress, bit, enabled ? bit : 0);
        }

        /// <summary>Sets the oversampling ratio (CLOCK.OSR); data rate = fCLKIN / (2 × OSR).</summary>
        public void SetOversamplingRatio(OversamplingRatio ratio) =>
            UpdateRegister(Ads131m08Registers.ClockAddress, Ads131m08Registers.ClockOsrMask, (int)ratio << Ads131m08Registers.ClockOsrShift);

        /// <summary>Sets the power mode (CLOCK.PWR).</summary>
        public void SetPowerMode(PowerMode mode) =>
            UpdateRegister(Ads131m08Registers.ClockAddress, Ads131m08Registers.ClockPwrMask, (int)mode << Ads131m08Registers.ClockPwrShift);

        /// <summary>Sets the PGA gain of channel <paramref name="channel"/> (0 to 7, GAIN1/GAIN2).</summary>
        public void SetGain(int channel, PgaGain gain)
        {
            CheckChannel(channel);
            var address = channel < 4 ? Ads131m08Registers.Gain1Address : Ads131m08Registers.Gain2Address;
            var shift = (channel % 4) * 4;
            UpdateRegister(address, 0x7 << shift, (int)gain << shift);
        }

        /// <summary>Reads the PGA gain of channel <paramref name="channel"/> (0 to 7).</summary>
        public PgaGain ReadGain(int channel)
        {
            CheckChannel(channel);
            var address = channel < 4 ? Ads131m08Registers.Gain1Address : Ads131m08Registers.Gain2Address;
            return (PgaGain)((ReadRegister(address) >> ((channel % 4) * 4)) & 0x7);
        }

        /// <summary>Sets the input multiplexer of channel <paramref name="channel"/> (CHn_CFG.MUX).</summary>
        public void SetInputMux(int channel, InputMux mux)
        {
            CheckChannel(channel);
            UpdateRegister(Ads131m08Registers.ChCfgAddress(channel), Ads131m08Registers.ChCfgMuxMask, (int)mux << Ads131m08Registers.ChCfgMuxShift);
        }

        /// <summary>
        /// Sets the phase delay of channel <paramref name="channel"/> in modulator clock periods
        /// (CHn_CFG.PHASE, −512 to 511; SBAS950 Table 8-5 narrows the range for OSR below 1024).
        /// </summary>
        public void SetPhase(int channel, int phase)
        {
            CheckChannel(channel);
            if (phase < -512 || phase > 511)
            {
                throw new ArgumentOutOfRangeException(nameof(phase), "ADS131M08 phase delay spans -512 to 511 modulator clocks.");
            }

            UpdateRegister(Ads131m08Registers.ChCfgAddress(channel), Ads131m08Registers.ChCfgPhaseMask, (phase & 0x3FF) << Ads131m08Registers.ChCfgPhaseShift);
        }

        /// <summary>
        /// Sets the offset calibration of channel <paramref name="channel"/> in codes (24-bit two's
        /// complement, −8388608 to 8388607), which the chip subtracts from each conversion.
        /// </summary>
        public void SetOffsetCalibration(int channel, int offsetCodes)
        {
            CheckChannel(channel);
            if (offsetCodes < OffsetMinimum || offsetCodes > OffsetMaximum)
            {
                throw new ArgumentOutOfRangeException(nameof(offsetCodes), "ADS131M08 offset calibration spans -8388608 to 8388607 codes.");
            }

            WriteCalibration(Ads131m08Registers.ChOcalMsbAddress(channel), offsetCodes & 0xFFFFFF);
        }

        /// <summary>Reads the offset calibration of channel <paramref name="channel"/> in codes.</summary>
        public int ReadOffsetCalibration(int channel)
        {
            CheckChannel(channel);
            var raw = ReadCalibration(Ads131m08Registers.ChOcalMsbAddress(channel));
            return (raw & 0x800000) != 0 ? raw - 0x1000000 : raw;
        }

        /// <summary>
        /// Sets the gain calibration of channel <paramref name="channel"/> (24-bit unsigned,
        /// 0 to 0xFFFFFF; 0x800000 = gain 1.0, one LSB = 2^-23), which multiplies each conversion.
        /// </summary>
        public void SetGainCalibration(int channel, int gainCalibration)
        {
            CheckChannel(channel);
            if (gainCalibration < 0 || gainCalibration > GainCalibrationMaximum)
            {
                throw new ArgumentOutOfRangeException(nameof(gainCalibration), "ADS131M08 gain calibration spans 0 to 0xFFFFFF (0x800000 = 1.0).");
            }

            WriteCalibration(Ads131m08Registers.ChGcalMsbAddress(channel), gainCalibration);
        }

        /// <summary>Reads the gain calibration of channel <paramref name="channel"/> (0x800000 = 1.0).</summary>
        public int ReadGainCalibration(int channel)
        {
            CheckChannel(channel);
            return ReadCalibration(Ads131m08Registers.ChGcalMsbAddress(channel));
        }

        // Calibration values are 24 bits over an MSB register (bits 23:8) and an LSB register (bits 7:0 in 15:8).
        private void WriteCalibration(int msbAddress, int value24)
        {
            _pair[0] = (ushort)(value24 >> 8);
            _pair[1] = (ushort)((value24 & 0xFF) << 8);
            WriteRegisters(msbAddress, _pair, 2);
        }

        private int ReadCalibration(int msbAddress)
        {
            ReadRegisters(msbAddress, _pair, 2);
            return (_pair[0] << 8) | (_pair[1] >> 8);
        }

        private void UpdateRegister(int address, int mask, int value)
        {
            var current = ReadRegister(address);
            // Reserved bits are written as zero whatever they read.
            var updated = (ushort)(((current & ~mask) | (value & mask)) & Ads131m08Registers.WritableMask(address));
            if (updated != current)
            {
                WriteRegister(address, updated);
            }
        }

        private static void CheckChannel(int channel)
        {
            if (channel < 0 || channel >= ChannelCount)
            {
                throw new ArgumentOutOfRangeException(nameof(channel), "ADS131M08 channels are 0 to 7.");
            }
        }
    }
}

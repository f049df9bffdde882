using System;
using DetectorDaq.Firmware.Crc;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Ads131m08
{
    public sealed partial class Ads131m08
    {
        /// <summary>Reads the register at <paramref name="address"/> (0 to 63; undefined addresses read 0).</summary>
        public ushort ReadRegister(int address)
        {
            CheckRange(address, 1);
            Exchange(Ads131m08Commands.ReadRegisters(address, 1), null, 0);
            VerifyOutputCrc();

            // A single-register RREG is answered by the register word itself (§8.5.1.10.7.1).
            var value = Exchange(Ads131m08Commands.Null, null, 0);
            VerifyOutputCrc();
            return value;
        }

        /// <summary>
        /// Reads the register at <paramref name="address"/>; false, instead of an exception, when the
        /// chip does not answer (DOUT stuck high or low).
        /// </summary>
        public bool TryReadRegister(int address, out ushort value)
        {
            try
            {
                value = ReadRegister(address);
                return true;
            }
            catch (Ads131m08Exception exception)
            {
                if (exception.Error != Ads131m08Error.NotAnswering)
                {
                    throw;
                }

                value = 0;
                return false;
            }
        }

        /// <summary>
        /// Reads <paramref name="count"/> (1 to 64) consecutive registers from <paramref name="address"/>
        /// into <paramref name="values"/> with one RREG (§8.5.1.10.7.2).
        /// </summary>
        public void ReadRegisters(int address, ushort[] values, int count)
        {
            CheckRange(address, count);
            if (values == null || values.Length < count)
            {
                throw new ArgumentException("The buffer must hold at least " + count.ToString("D") + " registers.", nameof(values));
            }

            if (count == 1)
            {
                values[0] = ReadRegister(address);
                return;
            }

            Exchange(Ads131m08Commands.ReadRegisters(address, count), null, 0);
            VerifyOutputCrc();
            _nextOutputWords = 1 + count;
            var expected = Ads131m08Commands.ReadRegistersAcknowledge(address, count);
            var response = Exchange(Ads131m08Commands.Null, null, 0);
            if (response != expected)
            {
                throw Unexpected(Ads131m08Commands.ReadRegisters(address, count), response, expected);
            }

            VerifyOutputCrc();
            for (var i = 0; i < count; i++)
            {
                values[i] = GetWord(_receive, (1 + i) * _lastWordBytes);
            }
        }

        /// <summary>
        /// Writes <paramref name="value"/> to the register at <paramref name="address"/>. Throws
        /// <see cref="ArgumentException"/> for an undefined or read-only address or a value that sets
        /// reserved bits.
        /// </summary>
        public void WriteRegister(int address, ushort value)
        {
            _single[0] = value;
            WriteRegisters(address, _single, 1);
        }

        /// <summary>
        /// Writes <paramref name="count"/> consecutive registers from <paramref name="address"/> with one
        /// WREG (§8.5.1.10.8) and checks that the chip wrote all of them. Every address must hold a
        /// writable register and every value may set writable bits only.
        /// </summary>
        public void WriteRegisters(int address, ushort[] values, int count)
        {
            CheckRange(address, count);
            if (values == null || values.Length < count)
            {
                throw new ArgumentException("The buffer must hold at least " + count.ToString("D") + " registers.", nameof(values));
            }

            for (var i = 0; i < count; i++)
            {
                CheckWritable(address + i, values[i]);
            }

            var command = Ads131m08Commands.WriteRegisters(address, count);
            Exchange(command, values, count);
            VerifyOutputCrc();

            // A new MODE frames the very next frame: the chip writes registers as they are shifted in.
            var oldWordLength = _wordLength;
            var oldCrcType = _crcType;
            var modeIndex = Ads131m08Registers.ModeAddress - address;
            if (modeIndex >= 0 && modeIndex < count)
            {
                UseMode(values[modeIndex]);
            }

            var expected = Ads131m08Commands.WriteRegistersAcknowledge(address, count);
            var response = Exchange(Ads131m08Commands.Null, null, 0);
            if (response != expected)
            {
                _wordLength = oldWordLength;
                _crcType = oldCrcType;
                throw Unexpected(command, response, expected);
            }

            VerifyOutputCrc();
        }

        /// <summary>Reads REGMAP_CRC, the chip's CRC over registers 0x02 to 0x30 (valid while MODE.REG_CRC_EN is set).</summary>
        public ushort ReadRegisterMapCrc() => ReadRegister(Ads131m08Registers.RegmapCrcAddress);

        /// <summary>Reads registers 0x02 to 0x30 and computes the CRC that REGMAP_CRC should hold.</summary>
        public ushort ComputeRegisterMapCrc()
        {
            ReadRegisters(RegisterMapCrcFirstAddress, _registerMap, RegisterMapCrcCount);
            return ComputeRegisterMapCrc(_registerMap, _crcType);
        }

        /// <summary>
        /// The register-map CRC of <paramref name="registers"/>, the 47 values of addresses 0x02 to 0x30
        /// in address order: each register MSB first, seed 0xFFFF, polynomial <paramref name="type"/>
        /// (§8.3.13). Unconfirmed: the datasheet text gives neither the seed of this CRC nor whether
        /// reserved bits count; this is the best belief.
        /// </summary>
        public static ushort ComputeRegisterMapCrc(ushort[] registers, Ads131m08CrcType type)
        {
            if (registers == null || registers.Length < RegisterMapCrcCount)
            {
                throw new ArgumentException("The register-map CRC needs the " + RegisterMapCrcCount.ToString("D") + " registers 0x02 to 0x30.", nameof(registers));
            }

            var bytes = new byte[RegisterMapCrcCount * 2];
            for (var i = 0; i < RegisterMapCrcCount; i++)
            {
                PutWord(bytes, i * 2, registers[i]);
            }

            return (type == Ads131m08CrcType.Ansi ? Crc16.Ansi : Crc16.Ccitt).Compute(bytes, 0, bytes.Length);
        }

        private void UseMode(ushort mode)
        {
            _wordLength = (WordLength)((mode & Ads131m08Registers.ModeWlengthMask) >> Ads131m08Registers.ModeWlengthShift);
            _crcType = (mode & Ads131m08Registers.ModeCrcTypeMask) != 0 ? Ads131m08CrcType.Ansi : Ads131m08CrcType.Ccitt;
        }

        private static void CheckRange(int address, int count)
        {
            if (count < 1 || address < 0 || address + count > Ads131m08Registers.AddressCount)
            {
                throw new ArgumentOutOfRangeException(nameof(address), "ADS131M08 registers span addresses 0x00 to 0x3F.");
            }
        }

        private static void CheckWritable(int address, ushort value)
        {
            if (!Ads131m08Registers.IsDefined(address) || Ads131m08Registers.WritableMask(address) == 0)
            {
                throw new ArgumentException("ADS131M08 address 0x" + address.ToString("X2") + " holds no writable register.", nameof(address));
            }

            var mask = Ads131m08Registers.WritableMask(address);
            if ((value & ~mask) != 0)
            {
                throw new ArgumentException("Value 0x" + value.ToString("X4") + " sets reserved bits of ADS131M08 register 0x" + address.ToString("X2") + " (writable mask 0x" + mask.ToString("X4") + ").", nameof(value));
            }
        }
    }
}

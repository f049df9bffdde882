using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Registers
{
    /// <summary>
    /// Validates register writes against the generated register maps before any bus traffic: the
    /// address must hold a register and the value may set only writable bits.
    /// </summary>
    public static class RegisterWriteCheck
    {
        /// <summary>
        /// Status for writing <paramref name="value"/> to <paramref name="address"/> of <paramref name="chip"/>:
        /// <see cref="ControlStatus.Ok"/>, <see cref="ControlStatus.AddressNotInMap"/> or <see cref="ControlStatus.ReservedBits"/>.
        /// </summary>
        public static ControlStatus Check(ChipKind chip, int address, uint value)
        {
            switch (chip)
            {
                case ChipKind.Ads131m08:
                    if (!Ads131m08Registers.IsDefined(address))
                    {
                        return ControlStatus.AddressNotInMap;
                    }

                    return (value & ~(uint)Ads131m08Registers.WritableMask(address)) == 0 ? ControlStatus.Ok : ControlStatus.ReservedBits;
                case ChipKind.Ddc264:
                    if (!Ddc264Registers.IsDefined(address))
                    {
                        return ControlStatus.AddressNotInMap;
                    }

                    return (value & ~(uint)Ddc264Registers.WritableMask(address)) == 0 ? ControlStatus.Ok : ControlStatus.ReservedBits;
                case ChipKind.Fpga:
                    if (!FpgaRegisters.IsDefined(address))
                    {
                        return ControlStatus.AddressNotInMap;
                    }

                    return (value & ~FpgaRegisters.WritableMask(address)) == 0 ? ControlStatus.Ok : ControlStatus.ReservedBits;
                default:
                    return ControlStatus.InvalidArgument;
            }
        }

        /// <summary>True when <paramref name="address"/> holds a register of <paramref name="chip"/>.</summary>
        public static bool IsReadable(ChipKind chip, int address)
        {
            switch (chip)
            {
                case ChipKind.Ads131m08: return Ads131m08Registers.IsDefined(address);
                case ChipKind.Ddc264: return Ddc264Registers.IsDefined(address);
                case ChipKind.Fpga: return FpgaRegisters.IsDefined(address);
                default: return false;
            }
        }
    }
}

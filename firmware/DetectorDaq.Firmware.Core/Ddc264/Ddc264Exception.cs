using System;

namespace DetectorDaq.Firmware.Ddc264
{
    /// <summary>A DDC264 chain failed; <see cref="Error"/> says how and <see cref="ChipIndex"/> which chip.</summary>
    public class Ddc264Exception : Exception
    {
        /// <summary>Creates the exception; <paramref name="chipIndex"/> is −1 when no single chip is to blame.</summary>
        public Ddc264Exception(Ddc264Error error, int chipIndex, string message)
            : base(message)
        {
            Error = error;
            ChipIndex = chipIndex;
        }

        /// <summary>Kind of failure.</summary>
        public Ddc264Error Error { get; }

        /// <summary>Chip position in the chain (0 = nearest the FPGA), or −1 for the whole chain.</summary>
        public int ChipIndex { get; }
    }
}

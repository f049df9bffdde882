using System;

namespace DetectorDaq.Firmware.Hardware
{
    /// <summary>
    /// One SPI device (bus plus its chip select). Each transfer asserts chip select for its whole
    /// length, so one call is one SPI frame of the chip.
    /// </summary>
    public interface ISpiBus : IDisposable
    {
        /// <summary>
        /// Clocks <paramref name="count"/> bytes out of <paramref name="writeBuffer"/> while clocking the
        /// same number into <paramref name="readBuffer"/>.
        /// </summary>
        void TransferFullDuplex(byte[] writeBuffer, byte[] readBuffer, int count);
    }
}

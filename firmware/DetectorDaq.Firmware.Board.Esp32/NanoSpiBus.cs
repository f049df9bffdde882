using System;
using System.Device.Spi;
using DetectorDaq.Firmware.Hardware;

namespace DetectorDaq.Firmware.Board.Esp32
{
    /// <summary>The core's SPI interface over nanoFramework's <see cref="SpiDevice"/>.</summary>
    public sealed class NanoSpiBus : ISpiBus
    {
        private readonly SpiDevice _device;

        /// <summary>Wraps <paramref name="device"/>; the bus owns and disposes it.</summary>
        public NanoSpiBus(SpiDevice device)
        {
            _device = device;
        }

        /// <inheritdoc/>
        public void TransferFullDuplex(byte[] writeBuffer, byte[] readBuffer, int count)
        {
            _device.TransferFullDuplex(new SpanByte(writeBuffer, 0, count), new SpanByte(readBuffer, 0, count));
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            _device.Dispose();
        }
    }
}

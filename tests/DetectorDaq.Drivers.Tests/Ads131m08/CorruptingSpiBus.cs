using DetectorDaq.Firmware.Hardware;

namespace DetectorDaq.Drivers.Tests.Ads131m08;

/// <summary>Passes frames through, flipping one DIN byte of the next frame when asked to.</summary>
internal sealed class CorruptingSpiBus(ISpiBus inner) : ISpiBus
{
    private int? _byteToCorrupt;

    public void CorruptNextFrameByte(int index) => _byteToCorrupt = index;

    public void TransferFullDuplex(byte[] writeBuffer, byte[] readBuffer, int count)
    {
        if (_byteToCorrupt is { } index)
        {
            _byteToCorrupt = null;
            var copy = (byte[])writeBuffer.Clone();
            copy[index] ^= 0x01;
            inner.TransferFullDuplex(copy, readBuffer, count);
            return;
        }

        inner.TransferFullDuplex(writeBuffer, readBuffer, count);
    }

    public void Dispose() => inner.Dispose();
}

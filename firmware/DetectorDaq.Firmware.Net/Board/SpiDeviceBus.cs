using System.Device.Spi;
using DetectorDaq.Firmware.Hardware;

namespace DetectorDaq.Firmware.Net.Board;

/// <summary>
/// Lets firmware-core drivers talk to any <see cref="SpiDevice"/>: a virtual chip of the HIL or a
/// real device. Disposes the device with the bus unless told not to.
/// </summary>
public sealed class SpiDeviceBus : ISpiBus
{
    private readonly SpiDevice _device;
    private readonly bool _shouldDispose;

    /// <summary>Wraps <paramref name="device"/>; it is disposed with the bus when <paramref name="shouldDispose"/> is true.</summary>
    public SpiDeviceBus(SpiDevice device, bool shouldDispose = true)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
        _shouldDispose = shouldDispose;
    }

    /// <inheritdoc />
    public void TransferFullDuplex(byte[] writeBuffer, byte[] readBuffer, int count) =>
        _device.TransferFullDuplex(writeBuffer.AsSpan(0, count), readBuffer.AsSpan(0, count));

    /// <inheritdoc />
    public void Dispose()
    {
        if (_shouldDispose)
        {
            _device.Dispose();
        }
    }
}

using System.Net;
using DetectorDaq.Firmware.Controller;
using DetectorDaq.Firmware.Hardware;

namespace DetectorDaq.Firmware.Net.Network;

/// <summary>Opens a <see cref="UdpPacketTransport"/> per Configure command and closes the one before.</summary>
public sealed class UdpDataLinkFactory : IDataLinkFactory, IDisposable
{
    private UdpPacketTransport? _current;

    /// <inheritdoc/>
    public IPacketTransport Open(byte[] address, int port)
    {
        _current?.Dispose();
        _current = new UdpPacketTransport(new IPEndPoint(new IPAddress(address), port));
        return _current;
    }

    /// <inheritdoc/>
    public void Dispose() => _current?.Dispose();
}

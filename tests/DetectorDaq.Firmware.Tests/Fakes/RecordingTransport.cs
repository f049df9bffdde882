using DetectorDaq.Firmware.Hardware;

namespace DetectorDaq.Firmware.Tests.Fakes;

/// <summary>Keeps a copy of every datagram sent.</summary>
internal sealed class RecordingTransport : IPacketTransport
{
    public List<byte[]> Datagrams { get; } = new();

    public void Send(byte[] buffer, int offset, int count) => Datagrams.Add(buffer.AsSpan(offset, count).ToArray());
}

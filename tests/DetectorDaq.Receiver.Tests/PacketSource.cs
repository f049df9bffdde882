using DetectorDaq.Firmware.Framing;
using DetectorDaq.Firmware.Hardware;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Receiver.Tests;

/// <summary>Datagrams made by the real firmware framer, collected as copies.</summary>
internal sealed class PacketSource : IPacketTransport
{
    public const ushort DetectorId = 7;

    private readonly DataFramer _framer;
    private readonly int[] _samples;
    private readonly List<byte[]> _datagrams = [];

    /// <summary>A module of <paramref name="channels"/> channels split into packets of <paramref name="samplesPerPacket"/> Signed24 samples.</summary>
    public PacketSource(ushort moduleId, int channels, int samplesPerPacket)
    {
        _framer = new DataFramer(this, UdpDataPacketFormat.Size + (3 * samplesPerPacket));
        _framer.Configure(DetectorId, moduleId, 1000, SampleEncoding.Signed24, channels);
        _samples = new int[channels];
        ModuleId = moduleId;
    }

    public ushort ModuleId { get; }

    public int PacketsPerFrame => _framer.PacketsPerFrame;

    /// <summary>Sample of <paramref name="channel"/> in frame <paramref name="frame"/>.</summary>
    public static int Sample(ushort moduleId, ulong frame, int channel) => (int)(frame % 64) * 10_000 + (moduleId * 1000) + channel;

    /// <summary>The datagrams of one frame, in sending order.</summary>
    public List<byte[]> Frame(ulong frameNumber)
    {
        for (var channel = 0; channel < _samples.Length; channel++)
        {
            _samples[channel] = Sample(ModuleId, frameNumber, channel);
        }

        _datagrams.Clear();
        var flags = (frameNumber & 1) == 1 ? PacketFlags.IntegratorSideB : PacketFlags.None;
        _framer.SendFrame(frameNumber, frameNumber * 1000, flags, _samples);
        return [.. _datagrams];
    }

    public void Send(byte[] buffer, int offset, int count) => _datagrams.Add(buffer.AsSpan(offset, count).ToArray());
}

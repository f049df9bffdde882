using DetectorDaq.Receiver.FastPath;
using System.Buffers.Binary;
using DetectorDaq.Firmware.Framing;
using DetectorDaq.Firmware.Hardware;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Bench;

/// <summary>
/// One module's data packets, framed once by the firmware core's <see cref="DataFramer"/> and then re-stamped
/// per frame: only the frame number (bytes 16..23) and the CRC-32C (bytes 44..47, over bytes 0..43 and the
/// payload) change, so a sender forges any frame's packets without the framer's cost.
/// </summary>
public sealed class SyntheticModuleStream
{
    private const int FrameNumberOffset = 16;
    private const int CrcOffset = 44;
    private readonly byte[][] _templates;

    /// <summary>Frames <paramref name="channelCount"/> Packed20 channels of module <paramref name="moduleId"/> into datagrams of at most <paramref name="maxDatagramBytes"/>.</summary>
    public SyntheticModuleStream(ushort detectorId, ushort moduleId, int channelCount, int maxDatagramBytes, uint integrationPeriodNanoseconds, int seed)
    {
        var capture = new CapturingTransport();
        var framer = new DataFramer(capture, maxDatagramBytes);
        framer.Configure(detectorId, moduleId, integrationPeriodNanoseconds, SampleEncoding.Packed20, channelCount);
        var random = new Random(seed);
        var samples = new int[channelCount];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = random.Next(0, 1 << 20);
        }

        framer.SendFrame(0, 0, PacketFlags.None, samples);
        _templates = capture.Datagrams.ToArray();
        DetectorId = detectorId;
        ModuleId = moduleId;
        ChannelCount = channelCount;
    }

    /// <summary>Detector id in the packets.</summary>
    public ushort DetectorId { get; }

    /// <summary>Module id in the packets.</summary>
    public ushort ModuleId { get; }

    /// <summary>Channels per frame.</summary>
    public int ChannelCount { get; }

    /// <summary>Datagrams per frame.</summary>
    public int PacketsPerFrame => _templates.Length;

    /// <summary>Bytes of every datagram of a frame together.</summary>
    public int BytesPerFrame => _templates.Sum(datagram => datagram.Length);

    /// <summary>Largest datagram, bytes.</summary>
    public int MaxDatagramBytes => _templates.Max(datagram => datagram.Length);

    /// <summary>Writes packet <paramref name="packet"/> of frame <paramref name="frameNumber"/> into <paramref name="buffer"/>; returns its length.</summary>
    public int Stamp(ulong frameNumber, int packet, Span<byte> buffer)
    {
        var template = _templates[packet];
        template.CopyTo(buffer);
        BinaryPrimitives.WriteUInt64LittleEndian(buffer[FrameNumberOffset..], frameNumber);
        var state = Crc32CHost.Append(0xFFFFFFFF, buffer[..CrcOffset]);
        state = Crc32CHost.Append(state, buffer[UdpDataPacketFormat.Size..template.Length]);
        BinaryPrimitives.WriteUInt32LittleEndian(buffer[CrcOffset..], state ^ 0xFFFFFFFF);
        return template.Length;
    }

    private sealed class CapturingTransport : IPacketTransport
    {
        public List<byte[]> Datagrams { get; } = [];

        public void Send(byte[] buffer, int offset, int count) => Datagrams.Add(buffer.AsSpan(offset, count).ToArray());
    }
}

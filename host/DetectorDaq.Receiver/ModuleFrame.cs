using DetectorDaq.Firmware.Framing;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Receiver;

/// <summary>
/// One module's frame being assembled from data packets, with a bit per packet that arrived. Owned and
/// reused by a <see cref="ModuleFrameAssembler"/>: valid only during <see cref="IModuleFrameSink.Accept"/>.
/// </summary>
public sealed class ModuleFrame
{
    private readonly ulong[] _arrived;

    internal ModuleFrame(int channelCount)
    {
        Samples = new int[channelCount];
        // A packet carries at least one sample, so a frame has at most channelCount packets.
        _arrived = new ulong[(channelCount + 63) / 64];
    }

    /// <summary>Module identifier from the packets.</summary>
    public ushort ModuleId { get; private set; }

    /// <summary>Frame number from the packets (the controller's count since its Start).</summary>
    public ulong FrameNumber { get; private set; }

    /// <summary>Controller clock at the end of integration, ns.</summary>
    public ulong TimestampNanoseconds { get; private set; }

    /// <summary>Integration period, ns.</summary>
    public uint IntegrationPeriodNanoseconds { get; private set; }

    /// <summary>Flags of the packets that arrived, OR-ed.</summary>
    public PacketFlags Flags { get; private set; }

    /// <summary>Packets the frame was sent in.</summary>
    public int PacketCount { get; private set; }

    /// <summary>Packets that arrived, 1..<see cref="PacketCount"/>.</summary>
    public int PacketsReceived { get; private set; }

    /// <summary>True when every packet arrived.</summary>
    public bool Complete => PacketsReceived == PacketCount;

    /// <summary>Codes by module channel; channels of missing packets hold 0.</summary>
    public int[] Samples { get; }

    internal bool InFlight { get; private set; }

    internal long FirstArrivalTimestamp { get; private set; }

    internal int SamplesPerPacket { get; private set; }

    internal int HighestPacketIndex { get; private set; }

    internal void Begin(DataPacketHeader header, int samplesPerPacket, long now)
    {
        ModuleId = header.ModuleId;
        FrameNumber = header.FrameNumber;
        TimestampNanoseconds = header.TimestampNs;
        IntegrationPeriodNanoseconds = header.IntegrationPeriodNs;
        Flags = PacketFlags.None;
        PacketCount = header.PacketCount;
        PacketsReceived = 0;
        SamplesPerPacket = samplesPerPacket;
        HighestPacketIndex = -1;
        FirstArrivalTimestamp = now;
        Array.Clear(_arrived);
        Array.Clear(Samples);
        InFlight = true;
    }

    /// <summary>Marks packet <paramref name="index"/> arrived; false when it had already.</summary>
    internal bool TryMarkArrived(int index)
    {
        var bit = 1UL << (index & 63);
        if ((_arrived[index >> 6] & bit) != 0)
        {
            return false;
        }

        _arrived[index >> 6] |= bit;
        PacketsReceived++;
        return true;
    }

    /// <summary>Records an accepted packet's index and flags; true when it came after a higher index of this frame.</summary>
    internal bool NoteArrival(int index, PacketFlags flags)
    {
        Flags |= flags;
        if (index < HighestPacketIndex)
        {
            return true;
        }

        HighestPacketIndex = index;
        return false;
    }

    internal void Retire() => InFlight = false;

    /// <summary>Arrival bits of packets 0 to 63 (all a frame of up to 64 packets has).</summary>
    internal ulong FirstArrivalBits => _arrived[0];
}

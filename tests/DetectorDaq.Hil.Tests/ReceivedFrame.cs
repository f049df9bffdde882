using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Hil.Tests;

/// <summary>One frame reassembled from its data packets.</summary>
internal sealed class ReceivedFrame(ulong frameNumber, int packetCount)
{
    private readonly bool[] _seen = new bool[packetCount];

    public ulong FrameNumber { get; } = frameNumber;

    /// <summary>Room for the longest chain; the first <see cref="ChannelCount"/> entries hold the frame.</summary>
    public int[] Samples { get; } = new int[16 * FifoFrameFormat.ChannelsPerChip];

    /// <summary>Channels covered by the packets received so far.</summary>
    public int ChannelCount { get; set; }

    public IEnumerable<int> FrameSamples => Samples.Take(ChannelCount);

    public int PacketCount { get; } = packetCount;

    public int PacketsReceived { get; private set; }

    /// <summary>Flags of the first packet; <see cref="FlagsAgree"/> says whether every packet carried the same.</summary>
    public PacketFlags Flags { get; private set; }

    public bool FlagsAgree { get; private set; } = true;

    public bool IsComplete => PacketsReceived == PacketCount;

    public void Accept(int packetIndex, PacketFlags flags)
    {
        if (_seen[packetIndex])
        {
            return;
        }

        if (PacketsReceived == 0)
        {
            Flags = flags;
        }
        else if (flags != Flags)
        {
            FlagsAgree = false;
        }

        _seen[packetIndex] = true;
        PacketsReceived++;
    }
}

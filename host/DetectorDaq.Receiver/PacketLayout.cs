using DetectorDaq.Firmware.Framing;

namespace DetectorDaq.Receiver;

/// <summary>
/// Checks that a packet's index, count, first channel and channel count fit the greedy split of
/// <see cref="DataFramer"/>: every packet but the last carries S samples, packet i starts at channel i × S,
/// the last one ends at the module's last channel, and the count is ⌈channels / S⌉.
/// </summary>
internal static class PacketLayout
{
    /// <summary>S of the packet's frame, or 0 when the fields do not fit a split of <paramref name="moduleChannels"/> channels.</summary>
    public static int SamplesPerPacket(DataPacketHeader header, int moduleChannels)
    {
        var index = header.PacketIndex;
        var count = header.PacketCount;
        long first = header.FirstChannel;
        var samples = header.ChannelCount;
        if (count > moduleChannels || first + samples > moduleChannels)
        {
            return 0;
        }

        int samplesPerPacket;
        if (index == count - 1)
        {
            if (first + samples != moduleChannels || (index > 0 && first % index != 0))
            {
                return 0;
            }

            samplesPerPacket = index == 0 ? samples : (int)(first / index);
            if (samples > samplesPerPacket)
            {
                return 0;
            }
        }
        else
        {
            samplesPerPacket = samples;
            if (first != (long)index * samplesPerPacket)
            {
                return 0;
            }
        }

        return (moduleChannels + samplesPerPacket - 1) / samplesPerPacket == count ? samplesPerPacket : 0;
    }
}

using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Framing
{
    /// <summary>
    /// Decoded 48-byte header of a data packet (<see cref="UdpDataPacketFormat"/>); filled by
    /// <see cref="DataPacketReader.TryReadHeader(byte[], int, DataPacketHeader, out string)"/>, one instance reused per receive loop.
    /// </summary>
    public sealed class DataPacketHeader
    {
        /// <summary>Frame flags.</summary>
        public PacketFlags Flags { get; set; }

        /// <summary>Detector identifier.</summary>
        public ushort DetectorId { get; set; }

        /// <summary>Module identifier within the detector.</summary>
        public ushort ModuleId { get; set; }

        /// <summary>Index of this packet within its frame, 0..<see cref="PacketCount"/>−1.</summary>
        public int PacketIndex { get; set; }

        /// <summary>Packets in the frame, ≥ 1.</summary>
        public int PacketCount { get; set; }

        /// <summary>Frame number, +1 per frame from the start of a run.</summary>
        public ulong FrameNumber { get; set; }

        /// <summary>Controller clock at the end of integration, ns.</summary>
        public ulong TimestampNs { get; set; }

        /// <summary>Integration period, ns.</summary>
        public uint IntegrationPeriodNs { get; set; }

        /// <summary>Module channel index of the first sample in the packet.</summary>
        public uint FirstChannel { get; set; }

        /// <summary>Samples in the packet, ≥ 1.</summary>
        public int ChannelCount { get; set; }

        /// <summary>Payload sample encoding.</summary>
        public SampleEncoding Encoding { get; set; }

        /// <summary>Payload bytes after the header.</summary>
        public int PayloadLength { get; set; }
    }
}

using System;
using DetectorDaq.Firmware.Crc;
using DetectorDaq.Firmware.Hardware;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Framing
{
    /// <summary>
    /// Splits each detector-module frame into UDP data packets of whole samples and sends them
    /// (fpga-interfaces/formats/udp-data-packet.yaml). Header, little-endian:
    /// <code>
    /// byte  0           4     5      6        8          10         12          14
    ///       +-----------+-----+------+--------+----------+----------+-----------+-----------+
    ///       | MAGIC u32 | VER | HSIZE| FLAGS  | DETECTOR | MODULE   | PACKET    | PACKET    |
    ///       | 'DDAQ'    | =1  | =48  | u16    | ID u16   | ID u16   | INDEX u16 | COUNT u16 |
    ///       +-----------+-----+------+--------+----------+----------+-----------+-----------+
    /// byte 16                        24                         32                36
    ///       +------------------------+--------------------------+-----------------+
    ///       | FRAME NUMBER u64       | TIMESTAMP u64, ns        | INTEGRATION     |
    ///       |                        |                          | PERIOD u32, ns  |
    ///       +------------------------+--------------------------+-----------------+
    /// byte 36              40              42         43        44          48
    ///       +---------------+---------------+----------+---------+-----------+---------------
    ///       | FIRST CHANNEL | CHANNEL COUNT | ENCODING | RESERVED| CRC-32C   | payload …
    ///       | u32           | u16           | u8       | =0      | u32       | (SamplePacking)
    ///       +---------------+---------------+----------+---------+-----------+---------------
    /// </code>
    /// The CRC-32C covers bytes 0..43 and the payload. Packets are filled greedily: every packet but the
    /// last carries <see cref="SamplesPerPacket"/> samples. One datagram buffer, allocated here, serves
    /// every packet; sending a frame allocates nothing. One thread sends frames.
    /// </summary>
    public sealed class DataFramer
    {
        /// <summary>Smallest datagram accepted: the header and four 32-bit samples, bytes.</summary>
        public const int MinDatagramBytes = UdpDataPacketFormat.Size + 16;

        /// <summary>Largest UDP payload over IPv4, bytes.</summary>
        public const int MaxDatagramBytes = 65507;

        private const int HeaderSize = UdpDataPacketFormat.Size;

        private readonly IPacketTransport _transport;
        private readonly byte[] _datagram;
        private SampleEncoding _encoding;
        private int _minValue;
        private int _maxValue;

        /// <summary>Creates a framer that sends through <paramref name="transport"/> datagrams of at most <paramref name="maxDatagramBytes"/> bytes (MTU − 28).</summary>
        /// <exception cref="ArgumentNullException"><paramref name="transport"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDatagramBytes"/> outside 64..65507.</exception>
        public DataFramer(IPacketTransport transport, int maxDatagramBytes)
        {
            _transport = transport ?? throw new ArgumentNullException(nameof(transport));
            if (maxDatagramBytes < MinDatagramBytes || maxDatagramBytes > MaxDatagramBytes)
            {
                throw new ArgumentOutOfRangeException(nameof(maxDatagramBytes), "datagram size must be 64..65507 bytes");
            }

            _datagram = new byte[maxDatagramBytes];
        }

        /// <summary>Largest datagram sent, bytes.</summary>
        public int MaxDatagramLength => _datagram.Length;

        /// <summary>True once <see cref="Configure"/> succeeded.</summary>
        public bool IsConfigured { get; private set; }

        /// <summary>Channels (samples) per frame.</summary>
        public int ChannelCount { get; private set; }

        /// <summary>Samples in every packet but possibly the last.</summary>
        public int SamplesPerPacket { get; private set; }

        /// <summary>Packets per frame.</summary>
        public int PacketsPerFrame { get; private set; }

        /// <summary>Frames sent since construction.</summary>
        public ulong FramesSent { get; private set; }

        /// <summary>Datagrams sent since construction.</summary>
        public ulong PacketsSent { get; private set; }

        /// <summary>Sets the fields that stay the same for a run and works out the packet split.</summary>
        /// <exception cref="ArgumentOutOfRangeException">Undefined encoding, channel count below 1, or more than 65535 packets per frame.</exception>
        public void Configure(ushort detectorId, ushort moduleId, uint integrationPeriodNs, SampleEncoding encoding, int channelCount)
        {
            if (!SamplePacking.IsSupported(encoding))
            {
                throw new ArgumentOutOfRangeException(nameof(encoding), "sample encoding " + ((int)encoding).ToString() + " is not defined");
            }

            if (channelCount < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(channelCount), "a frame needs at least one channel");
            }

            var samplesPerPacket = SamplePacking.MaxSamples(encoding, _datagram.Length - HeaderSize);
            var packets = (channelCount + samplesPerPacket - 1) / samplesPerPacket;
            if (packets > ushort.MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(channelCount), "a frame may span at most 65535 packets");
            }

            IsConfigured = false;
            _encoding = encoding;
            _minValue = SamplePacking.MinValue(encoding);
            _maxValue = SamplePacking.MaxValue(encoding);
            ChannelCount = channelCount;
            SamplesPerPacket = samplesPerPacket < channelCount ? samplesPerPacket : channelCount;
            PacketsPerFrame = packets;

            Array.Clear(_datagram, 0, HeaderSize);
            ByteOrder.WriteUInt32LittleEndian(_datagram, UdpDataPacketFormat.MagicOffset, UdpDataPacketFormat.MagicValue);
            _datagram[UdpDataPacketFormat.VersionOffset] = UdpDataPacketFormat.VersionValue;
            _datagram[UdpDataPacketFormat.HeaderSizeOffset] = UdpDataPacketFormat.HeaderSizeValue;
            ByteOrder.WriteUInt16LittleEndian(_datagram, UdpDataPacketFormat.DetectorIdOffset, detectorId);
            ByteOrder.WriteUInt16LittleEndian(_datagram, UdpDataPacketFormat.ModuleIdOffset, moduleId);
            ByteOrder.WriteUInt16LittleEndian(_datagram, UdpDataPacketFormat.PacketCountOffset, (ushort)packets);
            ByteOrder.WriteUInt32LittleEndian(_datagram, UdpDataPacketFormat.IntegrationPeriodOffset, integrationPeriodNs);
            _datagram[UdpDataPacketFormat.EncodingOffset] = (byte)encoding;
            IsConfigured = true;
        }

        /// <summary>
        /// Sends the first <see cref="ChannelCount"/> entries of <paramref name="samples"/> as one frame.
        /// Samples outside the encoding's range are clamped; <see cref="PacketFlags.Saturation"/> is added
        /// to every packet of the frame when a sample is at or beyond full scale (the top code, or either
        /// end for signed encodings).
        /// </summary>
        /// <exception cref="InvalidOperationException">Not configured.</exception>
        /// <exception cref="ArgumentException">Fewer samples than channels.</exception>
        public void SendFrame(ulong frameNumber, ulong timestampNs, PacketFlags flags, int[] samples)
        {
            if (!IsConfigured)
            {
                throw new InvalidOperationException("configure the framer before sending frames");
            }

            if (samples == null || samples.Length < ChannelCount)
            {
                throw new ArgumentException("a frame needs one sample per channel", nameof(samples));
            }

            if (IsSaturated(samples))
            {
                flags |= PacketFlags.Saturation;
            }

            ByteOrder.WriteUInt16LittleEndian(_datagram, UdpDataPacketFormat.FlagsOffset, (ushort)flags);
            ByteOrder.WriteUInt64LittleEndian(_datagram, UdpDataPacketFormat.FrameNumberOffset, frameNumber);
            ByteOrder.WriteUInt64LittleEndian(_datagram, UdpDataPacketFormat.TimestampOffset, timestampNs);
            var firstChannel = 0;
            for (var packet = 0; packet < PacketsPerFrame; packet++)
            {
                var count = ChannelCount - firstChannel < SamplesPerPacket ? ChannelCount - firstChannel : SamplesPerPacket;
                ByteOrder.WriteUInt16LittleEndian(_datagram, UdpDataPacketFormat.PacketIndexOffset, (ushort)packet);
                ByteOrder.WriteUInt32LittleEndian(_datagram, UdpDataPacketFormat.FirstChannelOffset, (uint)firstChannel);
                ByteOrder.WriteUInt16LittleEndian(_datagram, UdpDataPacketFormat.ChannelCountOffset, (ushort)count);
                var payloadLength = SamplePacking.Pack(samples, firstChannel, count, _encoding, _datagram, HeaderSize);
                var crc = Crc32C.Append(Crc32C.Start(), _datagram, 0, UdpDataPacketFormat.CrcCoveredHeaderBytes);
                crc = Crc32C.Append(crc, _datagram, HeaderSize, payloadLength);
                ByteOrder.WriteUInt32LittleEndian(_datagram, UdpDataPacketFormat.Crc32cOffset, Crc32C.Finish(crc));
                _transport.Send(_datagram, 0, HeaderSize + payloadLength);
                PacketsSent++;
                firstChannel += count;
            }

            FramesSent++;
        }

        private bool IsSaturated(int[] samples)
        {
            // Unsigned encodings only saturate at the top: zero is a valid dark reading, not full scale.
            var low = _minValue == 0 ? -1 : _minValue;
            for (var i = 0; i < ChannelCount; i++)
            {
                if (samples[i] >= _maxValue || samples[i] <= low)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

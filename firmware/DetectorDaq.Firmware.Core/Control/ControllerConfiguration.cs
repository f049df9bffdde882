using DetectorDaq.Firmware.Hardware;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Control
{
    /// <summary>
    /// Payload of <see cref="ControlCommand.Configure"/>: where to stream, how, and how to set up the
    /// chips. Fixed 37-byte layout, little-endian except the IPv4 address, which keeps its dotted order:
    /// <code>
    /// off size field
    ///  0  u16  detector id
    ///  2  u16  module id
    ///  4  u8×4 destination IPv4, a.b.c.d as a, b, c, d
    ///  8  u16  destination UDP port (1..65535)
    /// 10  u16  MTU, bytes (576..9000)
    /// 12  u32  integration period, ns (≥ 1000)
    /// 16  u64  frames to acquire (0 = until Stop)
    /// 24  u8   sample encoding (SampleEncoding)
    /// 25  u8   ADS131M08 oversampling ratio (OversamplingRatio, CLOCK.OSR)
    /// 26  u8   ADS131M08 PGA gain, all channels (PgaGain, GAIN1/GAIN2)
    /// 27  u8   ADS131M08 channel-enable mask, bit n = channel n (CLOCK.CHn_EN)
    /// 28  u8   ADS131M08 word length (WordLength, MODE.WLENGTH)
    /// 29  u8   DDC264 chain length, chips (1..16)
    /// 30  u8   DDC264 range (Ddc264Range)
    /// 31  u8   DDC264 output format (Ddc264Format)
    /// 32  u8   FPGA test-pattern mode (TestPatternMode)
    /// 33  u32  FPGA test-pattern seed
    /// </code>
    /// The dispatcher reuses one instance for every request: a backend copies what it keeps.
    /// </summary>
    public sealed class ControllerConfiguration
    {
        /// <summary>Payload size in bytes.</summary>
        public const int Size = ControlMessageFormat.ConfigureRequestSize;

        /// <summary>Smallest MTU accepted (IPv4 minimum datagram size), bytes.</summary>
        public const int MinMtu = 576;

        /// <summary>Largest MTU accepted (jumbo frame), bytes.</summary>
        public const int MaxMtu = UdpDataPacketFormat.JumboMtu;

        /// <summary>Shortest integration period accepted, ns.</summary>
        public const uint MinIntegrationPeriodNs = 1000;

        /// <summary>Longest DDC264 daisy chain accepted, chips.</summary>
        public const int MaxChainLength = 16;

        /// <summary>Detector identifier copied into every data packet.</summary>
        public ushort DetectorId { get; set; }

        /// <summary>Module identifier copied into every data packet.</summary>
        public ushort ModuleId { get; set; }

        /// <summary>Destination IPv4 address, four bytes in dotted order (a.b.c.d is {a, b, c, d}); not 0.0.0.0.</summary>
        public byte[] DestinationAddress { get; } = new byte[4];

        /// <summary>Destination UDP port, 1..65535.</summary>
        public ushort DestinationPort { get; set; }

        /// <summary>Path MTU, 576..9000 bytes; datagrams are at most MTU − 28 bytes.</summary>
        public ushort Mtu { get; set; } = UdpDataPacketFormat.DefaultMtu;

        /// <summary>Integration period, ns, at least 1000.</summary>
        public uint IntegrationPeriodNs { get; set; } = 1000000;

        /// <summary>Frames to acquire after Start; 0 streams until Stop.</summary>
        public ulong FramesToAcquire { get; set; }

        /// <summary>Sample encoding of the data packets.</summary>
        public SampleEncoding Encoding { get; set; } = SampleEncoding.Signed24;

        /// <summary>ADS131M08 oversampling ratio.</summary>
        public OversamplingRatio OversamplingRatio { get; set; } = OversamplingRatio.Osr1024;

        /// <summary>ADS131M08 PGA gain applied to every channel.</summary>
        public PgaGain Gain { get; set; } = PgaGain.Gain1;

        /// <summary>ADS131M08 channels to enable, bit n for channel n.</summary>
        public byte ChannelEnableMask { get; set; } = 0xFF;

        /// <summary>ADS131M08 data word length.</summary>
        public WordLength WordLength { get; set; } = WordLength.Bits24;

        /// <summary>DDC264 chips in the daisy chain, 1..16.</summary>
        public byte ChainLength { get; set; } = 1;

        /// <summary>DDC264 full-scale range.</summary>
        public Ddc264Range Range { get; set; } = Ddc264Range.Range150PicoCoulomb;

        /// <summary>DDC264 output format.</summary>
        public Ddc264Format Format { get; set; } = Ddc264Format.Bits20;

        /// <summary>FPGA test-pattern generator mode.</summary>
        public TestPatternMode TestPattern { get; set; } = TestPatternMode.Off;

        /// <summary>FPGA test-pattern seed.</summary>
        public uint TestPatternSeed { get; set; }

        /// <summary>Why the last <see cref="Validate"/> refused the configuration, one line; empty when valid.</summary>
        public string InvalidReason { get; private set; } = string.Empty;

        /// <summary><see cref="ControlStatus.Ok"/>, or <see cref="ControlStatus.InvalidArgument"/> with <see cref="InvalidReason"/> set.</summary>
        public ControlStatus Validate()
        {
            InvalidReason = FindInvalidValue();
            return InvalidReason.Length == 0 ? ControlStatus.Ok : ControlStatus.InvalidArgument;
        }

        /// <summary>Writes the 37-byte payload at <paramref name="offset"/>; returns <see cref="Size"/>.</summary>
        public int WriteTo(byte[] buffer, int offset)
        {
            ByteOrder.WriteUInt16LittleEndian(buffer, offset, DetectorId);
            ByteOrder.WriteUInt16LittleEndian(buffer, offset + ControlMessageFormat.ConfigureRequestModuleIdOffset, ModuleId);
            for (var i = 0; i < 4; i++)
            {
                buffer[offset + ControlMessageFormat.ConfigureRequestDestinationAddressOffset + i] = DestinationAddress[i];
            }

            ByteOrder.WriteUInt16LittleEndian(buffer, offset + ControlMessageFormat.ConfigureRequestDestinationPortOffset, DestinationPort);
            ByteOrder.WriteUInt16LittleEndian(buffer, offset + ControlMessageFormat.ConfigureRequestMtuOffset, Mtu);
            ByteOrder.WriteUInt32LittleEndian(buffer, offset + ControlMessageFormat.ConfigureRequestIntegrationPeriodOffset, IntegrationPeriodNs);
            ByteOrder.WriteUInt64LittleEndian(buffer, offset + ControlMessageFormat.ConfigureRequestFramesToAcquireOffset, FramesToAcquire);
            buffer[offset + ControlMessageFormat.ConfigureRequestEncodingOffset] = (byte)Encoding;
            buffer[offset + ControlMessageFormat.ConfigureRequestOversamplingRatioOffset] = (byte)OversamplingRatio;
            buffer[offset + ControlMessageFormat.ConfigureRequestGainOffset] = (byte)Gain;
            buffer[offset + ControlMessageFormat.ConfigureRequestChannelEnableMaskOffset] = ChannelEnableMask;
            buffer[offset + ControlMessageFormat.ConfigureRequestWordLengthOffset] = (byte)WordLength;
            buffer[offset + ControlMessageFormat.ConfigureRequestChainLengthOffset] = ChainLength;
            buffer[offset + ControlMessageFormat.ConfigureRequestRangeOffset] = (byte)Range;
            buffer[offset + ControlMessageFormat.ConfigureRequestFormatOffset] = (byte)Format;
            buffer[offset + ControlMessageFormat.ConfigureRequestTestPatternOffset] = (byte)TestPattern;
            ByteOrder.WriteUInt32LittleEndian(buffer, offset + ControlMessageFormat.ConfigureRequestTestPatternSeedOffset, TestPatternSeed);
            return Size;
        }

        /// <summary>
        /// Fills <paramref name="result"/> from a payload of exactly <see cref="Size"/> bytes; false when the
        /// length is wrong. Values are not judged here: call <see cref="Validate"/>.
        /// </summary>
        public static bool TryReadFrom(byte[] buffer, int offset, int length, ControllerConfiguration result)
        {
            if (length != Size || buffer == null || offset < 0 || offset > buffer.Length - Size)
            {
                return false;
            }

            result.DetectorId = ByteOrder.ReadUInt16LittleEndian(buffer, offset);
            result.ModuleId = ByteOrder.ReadUInt16LittleEndian(buffer, offset + ControlMessageFormat.ConfigureRequestModuleIdOffset);
            for (var i = 0; i < 4; i++)
            {
                result.DestinationAddress[i] = buffer[offset + ControlMessageFormat.ConfigureRequestDestinationAddressOffset + i];
            }

            result.DestinationPort = ByteOrder.ReadUInt16LittleEndian(buffer, offset + ControlMessageFormat.ConfigureRequestDestinationPortOffset);
            result.Mtu = ByteOrder.ReadUInt16LittleEndian(buffer, offset + ControlMessageFormat.ConfigureRequestMtuOffset);
            result.IntegrationPeriodNs = ByteOrder.ReadUInt32LittleEndian(buffer, offset + ControlMessageFormat.ConfigureRequestIntegrationPeriodOffset);
            result.FramesToAcquire = ByteOrder.ReadUInt64LittleEndian(buffer, offset + ControlMessageFormat.ConfigureRequestFramesToAcquireOffset);
            result.Encoding = (SampleEncoding)buffer[offset + ControlMessageFormat.ConfigureRequestEncodingOffset];
            result.OversamplingRatio = (OversamplingRatio)buffer[offset + ControlMessageFormat.ConfigureRequestOversamplingRatioOffset];
            result.Gain = (PgaGain)buffer[offset + ControlMessageFormat.ConfigureRequestGainOffset];
            result.ChannelEnableMask = buffer[offset + ControlMessageFormat.ConfigureRequestChannelEnableMaskOffset];
            result.WordLength = (WordLength)buffer[offset + ControlMessageFormat.ConfigureRequestWordLengthOffset];
            result.ChainLength = buffer[offset + ControlMessageFormat.ConfigureRequestChainLengthOffset];
            result.Range = (Ddc264Range)buffer[offset + ControlMessageFormat.ConfigureRequestRangeOffset];
            result.Format = (Ddc264Format)buffer[offset + ControlMessageFormat.ConfigureRequestFormatOffset];
            result.TestPattern = (TestPatternMode)buffer[offset + ControlMessageFormat.ConfigureRequestTestPatternOffset];
            result.TestPatternSeed = ByteOrder.ReadUInt32LittleEndian(buffer, offset + ControlMessageFormat.ConfigureRequestTestPatternSeedOffset);
            return true;
        }

        /// <summary>Copies every value of <paramref name="source"/> into this instance.</summary>
        public void CopyFrom(ControllerConfiguration source)
        {
            DetectorId = source.DetectorId;
            ModuleId = source.ModuleId;
            for (var i = 0; i < 4; i++)
            {
                DestinationAddress[i] = source.DestinationAddress[i];
            }

            DestinationPort = source.DestinationPort;
            Mtu = source.Mtu;
            IntegrationPeriodNs = source.IntegrationPeriodNs;
            FramesToAcquire = source.FramesToAcquire;
            Encoding = source.Encoding;
            OversamplingRatio = source.OversamplingRatio;
            Gain = source.Gain;
            ChannelEnableMask = source.ChannelEnableMask;
            WordLength = source.WordLength;
            ChainLength = source.ChainLength;
            Range = source.Range;
            Format = source.Format;
            TestPattern = source.TestPattern;
            TestPatternSeed = source.TestPatternSeed;
        }

        private string FindInvalidValue()
        {
            if (DestinationAddress[0] == 0 && DestinationAddress[1] == 0 && DestinationAddress[2] == 0 && DestinationAddress[3] == 0)
            {
                return "destination address 0.0.0.0 is not a host";
            }

            if (DestinationPort == 0)
            {
                return "destination port must be 1..65535";
            }

            if (Mtu < MinMtu || Mtu > MaxMtu)
            {
                return "MTU must be 576..9000 bytes";
            }

            if (IntegrationPeriodNs < MinIntegrationPeriodNs)
            {
                return "integration period must be at least 1000 ns";
            }

            if (Encoding < SampleEncoding.Unsigned16 || Encoding > SampleEncoding.Signed32)
            {
                return "sample encoding must be 1..4";
            }

            if (OversamplingRatio > OversamplingRatio.Osr16384)
            {
                return "ADS131M08 oversampling ratio code must be 0..7";
            }

            if (Gain > PgaGain.Gain128)
            {
                return "ADS131M08 PGA gain code must be 0..7";
            }

            if (WordLength > WordLength.Bits32SignExtended)
            {
                return "ADS131M08 word length code must be 0..3";
            }

            if (ChainLength < 1 || ChainLength > MaxChainLength)
            {
                return "DDC264 chain length must be 1..16";
            }

            if (Range > Ddc264Range.Range150PicoCoulomb)
            {
                return "DDC264 range code must be 0..3";
            }

            if (Format > Ddc264Format.Bits20)
            {
                return "DDC264 format code must be 0..1";
            }

            if (TestPattern > TestPatternMode.ChannelIndex)
            {
                return "test-pattern mode must be 0..3";
            }

            return string.Empty;
        }
    }
}

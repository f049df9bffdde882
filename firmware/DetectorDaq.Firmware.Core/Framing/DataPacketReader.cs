using System;
using DetectorDaq.Firmware.Crc;
using DetectorDaq.Firmware.Hardware;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Framing
{
    /// <summary>
    /// Checks and decodes data packets written by <see cref="DataFramer"/> (layout drawn there). Used by
    /// the host receiver and the tests; allocates nothing (error texts are constants).
    /// </summary>
    public static class DataPacketReader
    {
        private const int HeaderSize = UdpDataPacketFormat.Size;

        /// <summary>The error a datagram with a wrong CRC-32C gets.</summary>
        public const string CrcMismatch = "CRC-32C mismatch";

        /// <summary>
        /// Fills <paramref name="header"/> from the first <paramref name="length"/> bytes of <paramref name="datagram"/>
        /// after checking magic, version, header size, the CRC-32C, encoding, packet index and count, and
        /// the channel count against the payload length. False with a one-line <paramref name="error"/> otherwise (empty when accepted).
        /// </summary>
        public static bool TryReadHeader(byte[] datagram, int length, DataPacketHeader header, out string error) =>
            TryReadHeader(datagram, length, header, true, out error);

        /// <summary>
        /// As <see cref="TryReadHeader(byte[], int, DataPacketHeader, out string)"/>, but leaves the CRC to a
        /// caller that checked it already (a host verifying with the CPU's CRC instruction) when
        /// <paramref name="verifyCrc"/> is false; such a caller checks <see cref="CheckPrefix"/> first, so
        /// that corruption still reads as a CRC failure.
        /// </summary>
        public static bool TryReadHeader(byte[] datagram, int length, DataPacketHeader header, bool verifyCrc, out string error)
        {
            error = Check(datagram, length, verifyCrc);
            if (error.Length != 0)
            {
                return false;
            }

            header.Flags = (PacketFlags)ByteOrder.ReadUInt16LittleEndian(datagram, UdpDataPacketFormat.FlagsOffset);
            header.DetectorId = ByteOrder.ReadUInt16LittleEndian(datagram, UdpDataPacketFormat.DetectorIdOffset);
            header.ModuleId = ByteOrder.ReadUInt16LittleEndian(datagram, UdpDataPacketFormat.ModuleIdOffset);
            header.PacketIndex = ByteOrder.ReadUInt16LittleEndian(datagram, UdpDataPacketFormat.PacketIndexOffset);
            header.PacketCount = ByteOrder.ReadUInt16LittleEndian(datagram, UdpDataPacketFormat.PacketCountOffset);
            header.FrameNumber = ByteOrder.ReadUInt64LittleEndian(datagram, UdpDataPacketFormat.FrameNumberOffset);
            header.TimestampNs = ByteOrder.ReadUInt64LittleEndian(datagram, UdpDataPacketFormat.TimestampOffset);
            header.IntegrationPeriodNs = ByteOrder.ReadUInt32LittleEndian(datagram, UdpDataPacketFormat.IntegrationPeriodOffset);
            header.FirstChannel = ByteOrder.ReadUInt32LittleEndian(datagram, UdpDataPacketFormat.FirstChannelOffset);
            header.ChannelCount = ByteOrder.ReadUInt16LittleEndian(datagram, UdpDataPacketFormat.ChannelCountOffset);
            header.Encoding = (SampleEncoding)datagram[UdpDataPacketFormat.EncodingOffset];
            header.PayloadLength = length - HeaderSize;
            return true;
        }

        /// <summary>
        /// Unpacks the packet's <see cref="DataPacketHeader.ChannelCount"/> samples into <paramref name="destination"/>
        /// from <paramref name="destinationOffset"/> (signed encodings sign-extended); returns the samples written.
        /// Call after <see cref="TryReadHeader(byte[], int, DataPacketHeader, out string)"/> accepted the datagram.
        /// </summary>
        /// <exception cref="ArgumentException">The destination has no room for the samples.</exception>
        public static int UnpackSamples(byte[] datagram, DataPacketHeader header, int[] destination, int destinationOffset)
        {
            if (destination == null || destinationOffset < 0 || destinationOffset > destination.Length - header.ChannelCount)
            {
                throw new ArgumentException("destination has no room for " + header.ChannelCount.ToString() + " samples", nameof(destination));
            }

            SamplePacking.Unpack(datagram, HeaderSize, header.ChannelCount, header.Encoding, destination, destinationOffset);
            return header.ChannelCount;
        }

        /// <summary>
        /// Checks length, magic, version and header size: what must hold before the CRC can be computed.
        /// Empty when they hold, otherwise a one-line reason.
        /// </summary>
        public static string CheckPrefix(byte[] datagram, int length)
        {
            if (datagram == null || length < HeaderSize || length > datagram.Length)
            {
                return "datagram shorter than the 48-byte header";
            }

            if (ByteOrder.ReadUInt32LittleEndian(datagram, UdpDataPacketFormat.MagicOffset) != UdpDataPacketFormat.MagicValue)
            {
                return "bad magic (expected 'DDAQ')";
            }

            if (datagram[UdpDataPacketFormat.VersionOffset] != UdpDataPacketFormat.VersionValue)
            {
                return "unsupported packet format version";
            }

            if (datagram[UdpDataPacketFormat.HeaderSizeOffset] != UdpDataPacketFormat.HeaderSizeValue)
            {
                return "header size is not 48 bytes";
            }

            return string.Empty;
        }

        private static string Check(byte[] datagram, int length, bool verifyCrc)
        {
            var prefix = CheckPrefix(datagram, length);
            if (prefix.Length != 0)
            {
                return prefix;
            }

            // Checked before the fields below so that any corruption reads as what it is.
            if (verifyCrc)
            {
                var crc = Crc32C.Append(Crc32C.Start(), datagram, 0, UdpDataPacketFormat.CrcCoveredHeaderBytes);
                crc = Crc32C.Append(crc, datagram, HeaderSize, length - HeaderSize);
                if (Crc32C.Finish(crc) != ByteOrder.ReadUInt32LittleEndian(datagram, UdpDataPacketFormat.Crc32cOffset))
                {
                    return CrcMismatch;
                }
            }

            var encoding = (SampleEncoding)datagram[UdpDataPacketFormat.EncodingOffset];
            if (!SamplePacking.IsSupported(encoding))
            {
                return "undefined sample encoding";
            }

            var packetCount = ByteOrder.ReadUInt16LittleEndian(datagram, UdpDataPacketFormat.PacketCountOffset);
            if (packetCount == 0 || ByteOrder.ReadUInt16LittleEndian(datagram, UdpDataPacketFormat.PacketIndexOffset) >= packetCount)
            {
                return "packet index not below packet count";
            }

            var channelCount = ByteOrder.ReadUInt16LittleEndian(datagram, UdpDataPacketFormat.ChannelCountOffset);
            if (channelCount == 0 || SamplePacking.PayloadBytes(encoding, channelCount) != length - HeaderSize)
            {
                return "payload length does not match channel count and encoding";
            }

            return string.Empty;
        }
    }
}

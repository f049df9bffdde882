using DetectorDaq.Firmware.Framing;
using DetectorDaq.Firmware.Hardware;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Firmware.Tests.Fakes;

namespace DetectorDaq.Firmware.Tests.Framing;

public class DataPacketReaderTests
{
    private static byte[] OnePacket(SampleEncoding encoding = SampleEncoding.Signed24, int channels = 64)
    {
        var transport = new RecordingTransport();
        var framer = new DataFramer(transport, 1472);
        framer.Configure(2, 3, 1000, encoding, channels);
        framer.SendFrame(9, 77, PacketFlags.TestPattern, Enumerable.Range(0, channels).ToArray());
        return transport.Datagrams[0];
    }

    [TestCase(20)]
    [TestCase(47)]
    [TestCase(48)]
    [TestCase(100)]
    [TestCase(239)]
    public void CorruptedByte_IsRejectedAsCrcMismatch(int offset)
    {
        var datagram = OnePacket();
        datagram[offset] ^= 0x10;
        Assert.That(DataPacketReader.TryReadHeader(datagram, datagram.Length, new DataPacketHeader(), out var error), Is.False);
        Assert.That(error, Is.EqualTo("CRC-32C mismatch"));
    }

    [Test]
    public void IntactPacket_IsAcceptedWithoutError()
    {
        var datagram = OnePacket();
        var header = new DataPacketHeader();
        Assert.That(DataPacketReader.TryReadHeader(datagram, datagram.Length, header, out var error), Is.True);
        Assert.That(error, Is.Empty);
        Assert.That(header.Flags, Is.EqualTo(PacketFlags.TestPattern));
        Assert.That(header.TimestampNs, Is.EqualTo(77UL));
        Assert.That(header.PayloadLength, Is.EqualTo(64 * 3));
    }

    [TestCase(0, "bad magic (expected 'DDAQ')")]
    [TestCase(4, "unsupported packet format version")]
    [TestCase(5, "header size is not 48 bytes")]
    public void BadFixedField_IsNamed(int offset, string expected)
    {
        var datagram = OnePacket();
        datagram[offset] ^= 0x01;
        Assert.That(DataPacketReader.TryReadHeader(datagram, datagram.Length, new DataPacketHeader(), out var error), Is.False);
        Assert.That(error, Is.EqualTo(expected));
    }

    [Test]
    public void ChannelCountDisagreeingWithPayload_IsRejectedEvenWithGoodCrc()
    {
        var datagram = OnePacket();
        ByteOrder.WriteUInt16LittleEndian(datagram, UdpDataPacketFormat.ChannelCountOffset, 65);
        Reseal(datagram, datagram.Length);
        Assert.That(DataPacketReader.TryReadHeader(datagram, datagram.Length, new DataPacketHeader(), out var error), Is.False);
        Assert.That(error, Is.EqualTo("payload length does not match channel count and encoding"));
    }

    [Test]
    public void UndefinedEncoding_IsRejectedEvenWithGoodCrc()
    {
        var datagram = OnePacket();
        datagram[UdpDataPacketFormat.EncodingOffset] = 9;
        Reseal(datagram, datagram.Length);
        Assert.That(DataPacketReader.TryReadHeader(datagram, datagram.Length, new DataPacketHeader(), out var error), Is.False);
        Assert.That(error, Is.EqualTo("undefined sample encoding"));
    }

    [Test]
    public void TruncatedDatagram_IsRejected()
    {
        var datagram = OnePacket();
        Assert.That(DataPacketReader.TryReadHeader(datagram, 40, new DataPacketHeader(), out _), Is.False);
        Assert.That(DataPacketReader.TryReadHeader(datagram, datagram.Length - 1, new DataPacketHeader(), out _), Is.False);
    }

    [Test]
    public void RandomDatagrams_AreRejectedWithoutThrowing()
    {
        var random = new Random(1234);
        var header = new DataPacketHeader();
        for (var i = 0; i < 10_000; i++)
        {
            var datagram = new byte[random.Next(0, 300)];
            random.NextBytes(datagram);
            if (datagram.Length >= 4 && i % 2 == 0)
            {
                ByteOrder.WriteUInt32LittleEndian(datagram, 0, UdpDataPacketFormat.MagicValue);
            }

            Assert.That(DataPacketReader.TryReadHeader(datagram, datagram.Length, header, out _), Is.False);
        }
    }

    [Test]
    public void UnpackSamples_IntoTooSmallDestination_Throws()
    {
        var datagram = OnePacket();
        var header = new DataPacketHeader();
        DataPacketReader.TryReadHeader(datagram, datagram.Length, header, out _);
        Assert.That(() => DataPacketReader.UnpackSamples(datagram, header, new int[64], 1), Throws.ArgumentException);
    }

    private static void Reseal(byte[] datagram, int length)
    {
        var crc = Firmware.Crc.Crc32C.Append(Firmware.Crc.Crc32C.Start(), datagram, 0, UdpDataPacketFormat.CrcCoveredHeaderBytes);
        crc = Firmware.Crc.Crc32C.Append(crc, datagram, UdpDataPacketFormat.Size, length - UdpDataPacketFormat.Size);
        ByteOrder.WriteUInt32LittleEndian(datagram, UdpDataPacketFormat.Crc32cOffset, Firmware.Crc.Crc32C.Finish(crc));
    }
}

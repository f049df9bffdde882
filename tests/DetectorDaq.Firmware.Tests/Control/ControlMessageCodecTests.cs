using DetectorDaq.Firmware.Control;
using DetectorDaq.Firmware.Crc;
using DetectorDaq.Firmware.Hardware;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Tests.Control;

public class ControlMessageCodecTests
{
    private static byte[] Message(int payloadLength, out int length)
    {
        var buffer = new byte[ControlMessageCodec.MaxMessageSize + 8];
        var payload = Enumerable.Range(0, payloadLength).Select(i => (byte)i).ToArray();
        length = ControlMessageCodec.WriteMessage(buffer, MessageKind.Request, ControlCommand.RegisterWrite, ControlStatus.Ok, 0xDEADBEEF, payload, payloadLength);
        return buffer;
    }

    [TestCase(0)]
    [TestCase(8)]
    [TestCase(ControlMessageFormat.MaxPayload)]
    public void WrittenMessage_ReadsBackWithEveryField(int payloadLength)
    {
        var buffer = Message(payloadLength, out var length);

        Assert.That(length, Is.EqualTo(16 + payloadLength + 4));
        Assert.That(ControlMessageCodec.TryReadMessage(buffer, length, out var header), Is.EqualTo(ControlStatus.Ok));
        Assert.That(header.Kind, Is.EqualTo(MessageKind.Request));
        Assert.That(header.Command, Is.EqualTo(ControlCommand.RegisterWrite));
        Assert.That(header.IsKnownCommand, Is.True);
        Assert.That(header.Status, Is.EqualTo(ControlStatus.Ok));
        Assert.That(header.Sequence, Is.EqualTo(0xDEADBEEFu));
        Assert.That(header.PayloadLength, Is.EqualTo(payloadLength));
        Assert.That(buffer.Skip(16).Take(payloadLength), Is.EqualTo(Enumerable.Range(0, payloadLength).Select(i => (byte)i)));
    }

    [Test]
    public void Header_IsLittleEndianWithTrailingCrc()
    {
        var buffer = Message(2, out var length);
        Assert.That(buffer.Take(16).ToArray(), Is.EqualTo(new byte[] { 0xD1, 0xC7, 1, 1, 4, 0, 0, 0, 0xEF, 0xBE, 0xAD, 0xDE, 2, 0, 0, 0 }));
        Assert.That(ByteOrder.ReadUInt32LittleEndian(buffer, 18), Is.EqualTo(Crc32C.Compute(buffer, 0, 18)));
        Assert.That(length, Is.EqualTo(22));
    }

    [TestCase(0, "bad magic (expected 0xC7D1)")]
    [TestCase(2, "unsupported protocol version (expected 1)")]
    [TestCase(3, "message kind is neither request nor response")]
    [TestCase(20, "CRC-32C mismatch")]
    [TestCase(25, "CRC-32C mismatch")]
    public void CorruptedMessage_IsMalformedWithReason(int offset, string expected)
    {
        var buffer = Message(8, out var length);
        buffer[offset] ^= 0x40;
        Assert.That(ControlMessageCodec.TryReadMessage(buffer, length, out _, out var reason), Is.EqualTo(ControlStatus.Malformed));
        Assert.That(reason, Is.EqualTo(expected));
    }

    [Test]
    public void OversizeLength_IsMalformedFromTheHeaderAlone()
    {
        var buffer = Message(0, out _);
        ByteOrder.WriteUInt32LittleEndian(buffer, ControlMessageFormat.PayloadLengthOffset, ControlMessageFormat.MaxPayload + 1);
        Assert.That(ControlMessageCodec.TryReadHeader(buffer, 16, out _, out var reason), Is.EqualTo(ControlStatus.Malformed));
        Assert.That(reason, Is.EqualTo("payload length exceeds 4096 bytes"));

        ByteOrder.WriteUInt32LittleEndian(buffer, ControlMessageFormat.PayloadLengthOffset, 0xFFFFFFFF);
        Assert.That(ControlMessageCodec.TryReadHeader(buffer, 16, out _), Is.EqualTo(ControlStatus.Malformed));
    }

    [TestCase(0)]
    [TestCase(15)]
    [TestCase(16)]
    [TestCase(27)]
    public void TruncatedMessage_IsMalformed(int length)
    {
        var buffer = Message(8, out _);
        Assert.That(ControlMessageCodec.TryReadMessage(buffer, length, out _), Is.EqualTo(ControlStatus.Malformed));
    }

    [Test]
    public void TrailingBytes_AreMalformed()
    {
        var buffer = Message(8, out var length);
        Assert.That(ControlMessageCodec.TryReadMessage(buffer, length + 1, out _, out var reason), Is.EqualTo(ControlStatus.Malformed));
        Assert.That(reason, Is.EqualTo("message longer than its payload length and CRC"));
    }

    [Test]
    public void PayloadAboveMaximum_CannotBeWritten() =>
        Assert.That(
            () => ControlMessageCodec.WriteMessage(new byte[8192], MessageKind.Request, ControlCommand.Hello, ControlStatus.Ok, 1, new byte[4097], 4097),
            Throws.TypeOf<ArgumentOutOfRangeException>());
}

using DetectorDaq.Firmware.Control;
using DetectorDaq.Firmware.Hardware;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Tests.Control;

public class ControlMessageAssemblerTests
{
    private static byte[] Stream(params int[] payloadLengths)
    {
        var stream = new List<byte>();
        var buffer = new byte[ControlMessageCodec.MaxMessageSize];
        uint sequence = 0;
        foreach (var payloadLength in payloadLengths)
        {
            var length = ControlMessageCodec.WriteMessage(buffer, MessageKind.Request, ControlCommand.Housekeeping, ControlStatus.Ok, ++sequence, new byte[payloadLength], payloadLength);
            stream.AddRange(buffer.Take(length));
        }

        return stream.ToArray();
    }

    [TestCase(1)]
    [TestCase(7)]
    [TestCase(16)]
    [TestCase(1000)]
    [TestCase(100_000)]
    public void MessagesSplitAcrossReads_ComeOutWholeAndInOrder(int chunk)
    {
        var stream = Stream(0, 37, 4096, 5);
        var assembler = new ControlMessageAssembler();
        var sequences = new List<uint>();
        for (var offset = 0; offset < stream.Length;)
        {
            var read = Math.Min(chunk, stream.Length - offset);
            var position = offset;
            while (position < offset + read)
            {
                position += assembler.Append(stream, position, offset + read - position);
                if (assembler.IsComplete)
                {
                    Assert.That(ControlMessageCodec.TryReadMessage(assembler.Message, assembler.MessageLength, out var header), Is.EqualTo(ControlStatus.Ok));
                    sequences.Add(header.Sequence);
                    assembler.Next();
                }
            }

            offset += read;
        }

        Assert.That(sequences, Is.EqualTo(new uint[] { 1, 2, 3, 4 }));
        Assert.That(assembler.HasFailed, Is.False);
    }

    [Test]
    public void OversizeLength_FailsAsSoonAsTheHeaderIsIn()
    {
        var stream = Stream(0);
        ByteOrder.WriteUInt32LittleEndian(stream, ControlMessageFormat.PayloadLengthOffset, 1_000_000);
        var assembler = new ControlMessageAssembler();

        var taken = assembler.Append(stream, 0, 16);

        Assert.That(taken, Is.EqualTo(16));
        Assert.That(assembler.HasFailed, Is.True);
        Assert.That(assembler.FailureReason, Is.EqualTo("payload length exceeds 4096 bytes"));
        Assert.That(assembler.Append(stream, 16, 4), Is.Zero);
    }

    [Test]
    public void BadMagic_FailsUntilReset()
    {
        var stream = Stream(0);
        stream[0] = 0;
        var assembler = new ControlMessageAssembler();
        assembler.Append(stream, 0, stream.Length);
        Assert.That(assembler.HasFailed, Is.True);

        assembler.Reset();
        var good = Stream(0);
        assembler.Append(good, 0, good.Length);
        Assert.That(assembler.IsComplete, Is.True);
        Assert.That(assembler.MessageLength, Is.EqualTo(20));
    }

    [Test]
    public void CompleteMessage_TakesNoMoreBytesUntilNext()
    {
        var stream = Stream(0, 0);
        var assembler = new ControlMessageAssembler();
        Assert.That(assembler.Append(stream, 0, stream.Length), Is.EqualTo(20));
        Assert.That(assembler.Append(stream, 20, 20), Is.Zero);
        assembler.Next();
        Assert.That(assembler.Append(stream, 20, 20), Is.EqualTo(20));
        Assert.That(assembler.IsComplete, Is.True);
    }
}

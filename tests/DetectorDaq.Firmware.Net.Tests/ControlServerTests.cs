using System.Net.Sockets;
using DetectorDaq.Firmware.Control;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Hil.Controller;

namespace DetectorDaq.Firmware.Net.Tests;

public sealed class ControlServerTests
{
    [Test, CancelAfter(20_000)]
    public async Task TwoConcurrentConnections_EachGetTheirHelloAnswered()
    {
        using var controller = new SimulatedController(new SimulatedControllerOptions(Ddc264Chips: 2, SerialNumber: "NET-42"));
        using var first = new TcpClient();
        using var second = new TcpClient();
        await first.ConnectAsync(controller.ControlEndpoint);
        await second.ConnectAsync(controller.ControlEndpoint);

        // Both sockets stay open while both requests are in flight, so the server must serve them side by side.
        var answers = await Task.WhenAll(
            Task.Run(() => Hello(first.GetStream(), 7)),
            Task.Run(() => Hello(second.GetStream(), 9)));

        Assert.Multiple(() =>
        {
            foreach (var (answer, sequence) in answers.Zip(new uint[] { 7, 9 }))
            {
                Assert.That(answer.Header.Status, Is.EqualTo(ControlStatus.Ok));
                Assert.That(answer.Header.Sequence, Is.EqualTo(sequence));
                Assert.That(answer.Info.SerialNumber, Is.EqualTo("NET-42"));
                Assert.That(answer.Info.Ddc264ChainLength, Is.EqualTo(2));
            }
        });
    }

    [Test, CancelAfter(20_000)]
    public async Task WhenOneClientDisconnects_TheOtherKeepsBeingServed()
    {
        using var controller = new SimulatedController(new SimulatedControllerOptions(Ddc264Chips: 1));
        using var staying = new TcpClient();
        await staying.ConnectAsync(controller.ControlEndpoint);
        using (var leaving = new TcpClient())
        {
            await leaving.ConnectAsync(controller.ControlEndpoint);
            Hello(leaving.GetStream(), 1);
        }

        Assert.That(Hello(staying.GetStream(), 2).Header.Status, Is.EqualTo(ControlStatus.Ok));
    }

    private static (ControlMessageHeader Header, ControllerInfo Info) Hello(NetworkStream stream, uint sequence)
    {
        var message = new byte[ControlMessageCodec.MaxMessageSize];
        var length = ControlMessageCodec.WriteMessage(message, MessageKind.Request, ControlCommand.Hello, ControlStatus.Ok, sequence, [], 0);
        stream.Write(message, 0, length);

        stream.ReadExactly(message, 0, ControlMessageCodec.HeaderSize);
        Assert.That(ControlMessageCodec.TryReadHeader(message, ControlMessageCodec.HeaderSize, out var header), Is.EqualTo(ControlStatus.Ok));
        var total = ControlMessageCodec.MessageSize(header.PayloadLength);
        stream.ReadExactly(message, ControlMessageCodec.HeaderSize, total - ControlMessageCodec.HeaderSize);
        Assert.That(ControlMessageCodec.TryReadMessage(message, total, out header), Is.EqualTo(ControlStatus.Ok));

        var info = new ControllerInfo();
        Assert.That(ControllerInfo.TryReadFrom(message, ControlMessageCodec.HeaderSize, header.PayloadLength, info), Is.True);
        return (header, info);
    }
}

using System.Net;
using System.Net.Sockets;
using DetectorDaq.Firmware.Control;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Hil.Controller;
using DetectorDaq.Host.Control;

namespace DetectorDaq.Hil.Tests;

[TestFixture]
public sealed class StateRuleTests
{
    private HilSession _session = null!;

    [SetUp]
    public void StartController() => _session = new HilSession(new SimulatedControllerOptions(Ddc264Chips: 2));

    [TearDown]
    public void StopController() => _session.Dispose();

    [Test]
    public void StartBeforeArm_IsRefusedAsInvalidState()
    {
        using var receiver = new DataReceiver();
        Assert.That(_session.Send(ControlCommand.Configure, HilSession.Configuration(receiver.Port, 2, TestPatternMode.ChannelIndex, 0)).Status, Is.EqualTo(ControlStatus.Ok));

        var response = _session.Client.Send(ControlCommand.Start);

        Assert.That(response.Status, Is.EqualTo(ControlStatus.InvalidState));
        Assert.That(_session.Board.Housekeeping().State, Is.EqualTo(ControllerState.Configured));
    }

    [Test]
    public void ConfigureWhileAcquiring_IsRefusedAsInvalidState()
    {
        using var receiver = new DataReceiver();
        var configuration = HilSession.Configuration(receiver.Port, 2, TestPatternMode.ChannelIndex, 0, integrationPeriodNs: 1_000_000);
        _session.StartRun(configuration);

        var response = _session.Send(ControlCommand.Configure, configuration);

        Assert.That(response.Status, Is.EqualTo(ControlStatus.InvalidState));
        Assert.That(_session.Board.Housekeeping().State, Is.EqualTo(ControllerState.Acquiring));
        Assert.That(_session.Client.Send(ControlCommand.Stop).Status, Is.EqualTo(ControlStatus.Ok));
    }

    [TestCase(ChipKind.Ads131m08, 0x31, 0x0000u, ControlStatus.AddressNotInMap)]
    [TestCase(ChipKind.Ads131m08, 0x3F, 0x0000u, ControlStatus.AddressNotInMap)]
    [TestCase(ChipKind.Ads131m08, 0x02, 0xC000u, ControlStatus.ReservedBits)]
    [TestCase(ChipKind.Ads131m08, 0x00, 0x2800u, ControlStatus.ReservedBits)]
    public void RegisterWrite_OutsideTheMapOrItsWritableBits_IsRefused(ChipKind chip, int address, uint value, ControlStatus expected)
    {
        var request = new RegisterWriteRequest { Chip = chip, ChipIndex = 0, Address = (ushort)address, Value = value };
        var payload = new byte[RegisterWriteRequest.Size];
        request.WriteTo(payload, 0);

        var response = _session.Client.Send(ControlCommand.RegisterWrite, payload);

        Assert.That(response.Status, Is.EqualTo(expected), response.Reason());
    }

    [Test]
    public void GarbageOnTheControlPort_IsAnsweredMalformedAndClosedWhileOtherClientsKeepWorking()
    {
        using var raw = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveTimeout = 5000 };
        raw.Connect(new IPEndPoint(IPAddress.Loopback, _session.Controller.ControlEndpoint.Port));
        var garbage = new byte[64];
        new Random(1234).NextBytes(garbage);
        // Whatever the seed gives, the stream must not start with the protocol's magic 0xC7D1.
        garbage[0] = 0x00;

        raw.Send(garbage);
        var answer = ReadUntilClosed(raw);

        var status = ControlMessageCodec.TryReadMessage(answer, answer.Length, out var header);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(ControlStatus.Ok), "the answer is a well-formed message");
            Assert.That(header.Kind, Is.EqualTo(MessageKind.Response));
            Assert.That(header.Status, Is.EqualTo(ControlStatus.Malformed));
        }

        using var second = _session.Connect();
        Assert.That(second.Send(ControlCommand.Hello).Status, Is.EqualTo(ControlStatus.Ok));
        Assert.That(_session.Client.Send(ControlCommand.Housekeeping).Status, Is.EqualTo(ControlStatus.Ok));
    }

    // Returns everything the peer sent before closing; a timeout fails the test, since the server must close.
    private static byte[] ReadUntilClosed(Socket socket)
    {
        var received = new List<byte>();
        var buffer = new byte[1024];
        while (true)
        {
            int count;
            try
            {
                count = socket.Receive(buffer);
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionReset)
            {
                break;
            }

            if (count == 0)
            {
                break;
            }

            received.AddRange(buffer.Take(count));
        }

        return [.. received];
    }
}

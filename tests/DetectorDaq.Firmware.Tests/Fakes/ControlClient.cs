using DetectorDaq.Firmware.Control;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Tests.Fakes;

/// <summary>Plays the host: builds requests, runs them through a dispatcher and decodes the response.</summary>
internal sealed class ControlClient
{
    private readonly ControlDispatcher _dispatcher;
    private readonly byte[] _request = new byte[ControlMessageCodec.MaxMessageSize];
    private uint _sequence;

    public ControlClient(ControlDispatcher dispatcher) => _dispatcher = dispatcher;

    public byte[] Response { get; } = new byte[ControlMessageCodec.MaxMessageSize];

    public ControlMessageHeader LastHeader { get; private set; }

    public byte[] Payload { get; private set; } = [];

    public ControlStatus Send(ControlCommand command, byte[]? payload = null)
    {
        var length = ControlMessageCodec.WriteMessage(_request, MessageKind.Request, command, ControlStatus.Ok, ++_sequence, payload ?? [], payload?.Length ?? 0);
        return SendRaw(_request, length);
    }

    public ControlStatus SendRaw(byte[] request, int length)
    {
        var responseLength = _dispatcher.Handle(request, length, Response);
        Assert.That(ControlMessageCodec.TryReadMessage(Response, responseLength, out var header), Is.EqualTo(ControlStatus.Ok), "response must be well formed");
        Assert.That(header.Kind, Is.EqualTo(MessageKind.Response));
        LastHeader = header;
        Payload = Response.AsSpan(ControlMessageCodec.HeaderSize, header.PayloadLength).ToArray();
        return header.Status;
    }

    /// <summary>The reason text of an error response.</summary>
    public string Reason
    {
        get
        {
            Assert.That(AsciiField.TryRead(Payload, 0, Payload.Length, ControlDispatcher.MaxReasonLength, out var reason), Is.EqualTo(Payload.Length));
            return reason;
        }
    }

    public static byte[] Encode(ControllerConfiguration configuration)
    {
        var payload = new byte[ControllerConfiguration.Size];
        configuration.WriteTo(payload, 0);
        return payload;
    }

    public static ControllerConfiguration ValidConfiguration()
    {
        var configuration = new ControllerConfiguration { DestinationPort = 50000, DetectorId = 7, ModuleId = 3 };
        configuration.DestinationAddress[0] = 192;
        configuration.DestinationAddress[1] = 168;
        configuration.DestinationAddress[2] = 1;
        configuration.DestinationAddress[3] = 10;
        return configuration;
    }

    public static byte[] WriteRequest(ChipKind chip, ushort address, uint value)
    {
        var payload = new byte[RegisterWriteRequest.Size];
        new RegisterWriteRequest { Chip = chip, Address = address, Value = value }.WriteTo(payload, 0);
        return payload;
    }

    public static byte[] ReadRequest(ChipKind chip, ushort address, ushort count)
    {
        var payload = new byte[RegisterReadRequest.Size];
        new RegisterReadRequest { Chip = chip, Address = address, Count = count }.WriteTo(payload, 0);
        return payload;
    }
}

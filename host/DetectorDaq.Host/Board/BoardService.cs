using DetectorDaq.Firmware.Control;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Host.Control;

namespace DetectorDaq.Host.Board;

/// <summary>
/// Bring-up operations on one controller (identify, self-test, register peek and poke,
/// housekeeping), decoded into the firmware's payload types.
/// </summary>
public sealed class BoardService(ControllerClient client)
{
    /// <summary>Identifies the controller.</summary>
    public ControllerInfo Info()
    {
        var response = Require(client.Send(ControlCommand.Hello));
        var info = new ControllerInfo();
        return ControllerInfo.TryReadFrom(response.Payload, 0, response.Payload.Length, info)
            ? info
            : throw new BoardCommandException("controller sent a malformed info record");
    }

    /// <summary>Runs the controller's self-test; a report with failed checks is a normal result, not an error.</summary>
    public SelfTestReport SelfTest()
    {
        var response = client.Send(ControlCommand.SelfTest);
        if (response.Status is not (ControlStatus.Ok or ControlStatus.SelfTestFailed))
        {
            throw new BoardCommandException($"self-test refused: {response.Status}: {response.Reason()}");
        }

        var report = new SelfTestReport();
        return SelfTestReport.TryReadFrom(response.Payload, 0, response.Payload.Length, report)
            ? report
            : throw new BoardCommandException("controller sent a malformed self-test report");
    }

    /// <summary>Reads <paramref name="count"/> registers from <paramref name="address"/>.</summary>
    public uint[] ReadRegisters(ChipKind chip, int chipIndex, int address, int count)
    {
        var request = new RegisterReadRequest { Chip = chip, ChipIndex = (byte)chipIndex, Address = (ushort)address, Count = (ushort)count };
        var payload = new byte[RegisterReadRequest.Size];
        request.WriteTo(payload, 0);
        var response = Require(client.Send(ControlCommand.RegisterRead, payload));
        var values = new RegisterReadResponse();
        if (!RegisterReadResponse.TryReadFrom(response.Payload, 0, response.Payload.Length, values))
        {
            throw new BoardCommandException("controller sent a malformed register read response");
        }

        return Enumerable.Range(0, values.Count).Select(i => values[i]).ToArray();
    }

    /// <summary>Writes one register; the controller validates it against the register map first.</summary>
    public void WriteRegister(ChipKind chip, int chipIndex, int address, uint value)
    {
        var request = new RegisterWriteRequest { Chip = chip, ChipIndex = (byte)chipIndex, Address = (ushort)address, Value = value };
        var payload = new byte[RegisterWriteRequest.Size];
        request.WriteTo(payload, 0);
        Require(client.Send(ControlCommand.RegisterWrite, payload));
    }

    /// <summary>Reads state, counters and board temperature.</summary>
    public Housekeeping Housekeeping()
    {
        var response = Require(client.Send(ControlCommand.Housekeeping));
        var housekeeping = new Housekeeping();
        return Firmware.Control.Housekeeping.TryReadFrom(response.Payload, 0, response.Payload.Length, housekeeping)
            ? housekeeping
            : throw new BoardCommandException("controller sent a malformed housekeeping record");
    }

    private static ControlResponse Require(ControlResponse response) =>
        response.IsOk ? response : throw new BoardCommandException($"{response.Command} refused: {response.Status}: {response.Reason()}");
}

using DetectorDaq.Firmware.Control;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Tests.Fakes;

/// <summary>Backend that records calls and answers with settable statuses.</summary>
internal sealed class FakeControllerBackend : IControllerBackend
{
    public ControlStatus ConfigureStatus { get; set; } = ControlStatus.Ok;

    public ControlStatus ArmStatus { get; set; } = ControlStatus.Ok;

    public ControlStatus StartStatus { get; set; } = ControlStatus.Ok;

    public ControlStatus StopStatus { get; set; } = ControlStatus.Ok;

    public ControlStatus ResetStatus { get; set; } = ControlStatus.Ok;

    public ControlStatus RegisterStatus { get; set; } = ControlStatus.Ok;

    public bool SelfTestFails { get; set; }

    public string FailureReason { get; set; } = string.Empty;

    public bool ThrowOnHello { get; set; }

    public List<string> Calls { get; } = new();

    public Dictionary<(ChipKind Chip, int Address), uint> Registers { get; } = new();

    public ControllerConfiguration LastConfiguration { get; } = new();

    public ControlStatus Configure(ControllerConfiguration configuration)
    {
        Calls.Add("Configure");
        LastConfiguration.CopyFrom(configuration);
        return ConfigureStatus;
    }

    public ControlStatus ReadRegister(ChipKind chip, int chipIndex, int address, out uint value)
    {
        Calls.Add("ReadRegister");
        value = Registers.TryGetValue((chip, address), out var stored) ? stored : 0;
        return RegisterStatus;
    }

    public ControlStatus WriteRegister(ChipKind chip, int chipIndex, int address, uint value)
    {
        Calls.Add("WriteRegister");
        Registers[(chip, address)] = value;
        return RegisterStatus;
    }

    public ControlStatus RunSelfTest(SelfTestReport report)
    {
        Calls.Add("RunSelfTest");
        report.Add("FPGA ID", true, "0x44444146");
        report.Add("ADS131M08 ID", !SelfTestFails, SelfTestFails ? "read 0xFFFF, expected 0x28xx" : "0x2822");
        return ControlStatus.Ok;
    }

    public ControlStatus Arm()
    {
        Calls.Add("Arm");
        return ArmStatus;
    }

    public ControlStatus Start()
    {
        Calls.Add("Start");
        return StartStatus;
    }

    public ControlStatus Stop()
    {
        Calls.Add("Stop");
        return StopStatus;
    }

    public ControlStatus Reset()
    {
        Calls.Add("Reset");
        return ResetStatus;
    }

    public void FillInfo(ControllerInfo info)
    {
        if (ThrowOnHello)
        {
            throw new InvalidOperationException("board EEPROM unreadable");
        }

        info.FirmwareVersion = "1.2.3";
        info.BoardName = "DDAQ-CTRL";
        info.SerialNumber = "SN0001";
        info.HasAds131m08 = true;
        info.Ddc264ChainLength = 4;
        info.FpgaId = 0x44444146;
        info.FpgaVersion = 0x00010000;
        info.MaxMtu = 9000;
    }

    public void FillHousekeeping(Housekeeping housekeeping)
    {
        housekeeping.FramesSent = 42;
        housekeeping.PacketsSent = 126;
        housekeeping.BoardTemperatureMilliCelsius = -1500;
    }
}

using System.Net;
using System.Net.Sockets;
using DetectorDaq.Hil.Controller;

namespace DetectorDaq.Cli.Tests;

public class BoardCommandTests
{
    private static string Address(SimulatedController controller) => $"127.0.0.1:{controller.ControlEndpoint.Port}";

    [Test]
    public void SelfTest_OnAHealthySimulatedController_PassesEveryCheck()
    {
        using var controller = new SimulatedController(new SimulatedControllerOptions());

        var run = CommandLineRun.Of("board", "selftest", "--controller", Address(controller));

        Assert.That(run.ExitCode, Is.Zero, run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("self-test PASS").And.Not.Contain("FAIL"));
        Assert.That(run.Output, Does.Contain("ADS131M08 positive DC test").And.Contain("DDC264 configuration read-back").And.Contain("FPGA test pattern"));
    }

    [TestCase(HilFault.ChipNotAnswering, "ADS131M08 reset")]
    [TestCase(HilFault.BadCrc, "ADS131M08 reset")]
    [TestCase(HilFault.FpgaNotAnswering, "FPGA ID")]
    [TestCase(HilFault.Ddc264NotAnswering, "DDC264 configuration read-back")]
    [TestCase(HilFault.ReadbackMismatch, "DDC264 configuration read-back")]
    public void SelfTest_WithAFault_ExitsNonZeroAndNamesTheFailingCheck(HilFault fault, string failingCheck)
    {
        using var controller = new SimulatedController(new SimulatedControllerOptions(Fault: fault));

        var run = CommandLineRun.Of("board", "selftest", "--controller", Address(controller));

        var failedRows = run.Output.Split('\n').Where(line => line.Contains("FAIL", StringComparison.Ordinal) && !line.Contains("self-test", StringComparison.Ordinal)).ToList();
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(failedRows, Has.Count.EqualTo(1));
        Assert.That(failedRows[0], Does.Contain(failingCheck));
    }

    [Test]
    public void Info_ShowsTheBoardIdentity()
    {
        using var controller = new SimulatedController(new SimulatedControllerOptions(SerialNumber: "HIL-TEST-7"));

        var run = CommandLineRun.Of("board", "info", "--controller", Address(controller));

        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Output, Does.Contain("HIL-TEST-7").And.Contain("0x44444146").And.Contain("256 channels"));
    }

    [Test]
    public void RegisterWriteThenRead_RoundTripsThroughTheController()
    {
        using var controller = new SimulatedController(new SimulatedControllerOptions());

        var write = CommandLineRun.Of("board", "regs", "write", "--controller", Address(controller), "--chip", "ads131m08", "--address", "GAIN1", "--value", "0x3210");
        var read = CommandLineRun.Of("board", "regs", "read", "--controller", Address(controller), "--chip", "ads131m08", "--address", "0x04");

        Assert.That(write.ExitCode, Is.Zero, write.Error);
        Assert.That(read.Output, Does.Contain("0x3210").And.Contain("PGAGAIN3=0x3"));
    }

    [TestCase("0x31", "0x0001", "AddressNotInMap")]
    [TestCase("MODE", "0xC000", "ReservedBits")]
    [TestCase("STATUS", "0x0001", "ReservedBits")]
    public void RegisterWrite_OutsideTheMap_IsRefusedByTheController(string address, string value, string status)
    {
        using var controller = new SimulatedController(new SimulatedControllerOptions());

        var run = CommandLineRun.Of("board", "regs", "write", "--controller", Address(controller), "--chip", "ads131m08", "--address", address, "--value", value);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain(status));
    }

    [Test]
    public void UnreachableController_IsOneClearErrorLine()
    {
        var port = FreePort();

        var run = CommandLineRun.Of("board", "selftest", "--controller", $"127.0.0.1:{port}", "--timeout", "2");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.Contain($"controller 127.0.0.1:{port} is unreachable").And.Not.Contain("   at "));
    }

    [TestCase("localhost")]
    [TestCase("127.0.0.1:0")]
    [TestCase("127.0.0.1:99999")]
    public void MalformedControllerAddress_IsAUsageError(string address)
    {
        var run = CommandLineRun.Of("board", "info", "--controller", address);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("HOST:PORT"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

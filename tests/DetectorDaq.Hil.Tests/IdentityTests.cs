using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Hil.Controller;

namespace DetectorDaq.Hil.Tests;

[TestFixture]
public sealed class IdentityTests
{
    [Test]
    public void Hello_ReturnsTheSimulatedBoardsIdentity()
    {
        using var session = new HilSession(new SimulatedControllerOptions(Ddc264Chips: 4, SerialNumber: "HIL-4711"));

        var info = session.Board.Info();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(info.FirmwareVersion, Is.EqualTo(SimulatedController.FirmwareVersion));
            Assert.That(info.BoardName, Is.EqualTo("hil-ads131m08-ddc264"));
            Assert.That(info.SerialNumber, Is.EqualTo("HIL-4711"));
            Assert.That(info.HasAds131m08, Is.True);
            Assert.That(info.Ddc264ChainLength, Is.EqualTo(4));
            Assert.That(info.FpgaId, Is.EqualTo(FpgaRegisters.IdReset));
        }
    }

    [Test]
    public void Housekeeping_AtPowerUp_ReportsIdleAndBoardTemperatureNear31_5C()
    {
        using var session = new HilSession(new SimulatedControllerOptions());

        var housekeeping = session.Board.Housekeeping();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(housekeeping.State, Is.EqualTo(ControllerState.Idle));
            Assert.That(housekeeping.BoardTemperatureMilliCelsius, Is.EqualTo(31500).Within(500));
            Assert.That(housekeeping.FramesSent, Is.Zero);
            Assert.That(housekeeping.LastError, Is.Empty);
        }
    }
}

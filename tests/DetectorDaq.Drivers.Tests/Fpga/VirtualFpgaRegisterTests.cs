using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Hil.Fpga;
using DetectorDaq.Interfaces.Catalog;

namespace DetectorDaq.Drivers.Tests.Fpga;

public sealed class VirtualFpgaRegisterTests
{
    private static IEnumerable<TestCaseData> Registers() =>
        InterfaceCatalog.Fpga.Registers.Select(register => new TestCaseData(register.Address, (uint)register.Reset).SetArgDisplayNames(register.Name));

    [TestCaseSource(nameof(Registers))]
    public void AfterPowerUp_EveryRegisterReadsItsResetValue(int address, uint reset)
    {
        var fpga = new VirtualFpga(1, FpgaRig.NoCurrent);

        Assert.That(RawRead(fpga, address), Is.EqualTo(reset));
    }

    [TestCase(FpgaRegisters.ScratchAddress, 0xFFFFFFFFu, 0xFFFFFFFFu)]
    [TestCase(FpgaRegisters.ScratchAddress, 0x12345678u, 0x12345678u)]
    [TestCase(FpgaRegisters.IntegrationPeriodAddress, 0xFFFFFFFFu, 0xFFFFFFFFu)]
    [TestCase(FpgaRegisters.ChainLengthAddress, 0xFFFFFFFFu, 0x0000001Fu)]
    [TestCase(FpgaRegisters.DdcConfigAddress, 0xFFFFFFFFu, 0x0000FFFFu)]
    [TestCase(FpgaRegisters.TestPatternAddress, 0xFFFFFFFFu, 0x0FFFFF03u)]
    [TestCase(FpgaRegisters.ControlAddress, 0xFFFFFFFFu, 0x00000005u)] // w1 action bits clear themselves
    [TestCase(FpgaRegisters.ControlAddress, 0x0000003Au, 0x00000000u)]
    [TestCase(FpgaRegisters.IdAddress, 0x00000000u, FpgaRegisters.IdReset)] // read-only ignores writes
    [TestCase(FpgaRegisters.VersionAddress, 0xFFFFFFFFu, FpgaRegisters.VersionReset)]
    [TestCase(FpgaRegisters.StatusAddress, 0xFFFFFFFFu, FpgaRegisters.StatusReset)]
    [TestCase(FpgaRegisters.FifoLevelAddress, 0xFFFFFFFFu, 0u)]
    [TestCase(FpgaRegisters.DdcReadbackAddress, 0xFFFFFFFFu, 0u)]
    [TestCase(FpgaRegisters.FrameCounterLowAddress, 0xFFFFFFFFu, 0u)]
    [TestCase(0x10, 0xFFFFFFFFu, 0u)] // reserved address
    [TestCase(0x7F, 0xFFFFFFFFu, 0u)]
    public void RawWrite_KeepsOnlyWritableBits(int address, uint written, uint expected)
    {
        var fpga = new VirtualFpga(1, FpgaRig.NoCurrent);

        RawWrite(fpga, address, written);

        Assert.That(RawRead(fpga, address), Is.EqualTo(expected));
    }

    [Test]
    public void WhenTimestampLowIsRead_TimestampHighIsLatched()
    {
        var fpga = new VirtualFpga(1, FpgaRig.NoCurrent);
        fpga.AdvanceTo(5_000_000_000);

        var highBeforeLatch = RawRead(fpga, FpgaRegisters.TimestampHighAddress);
        var low = RawRead(fpga, FpgaRegisters.TimestampLowAddress);
        fpga.AdvanceTo(9_000_000_000);
        var highAfterLatch = RawRead(fpga, FpgaRegisters.TimestampHighAddress);

        Assert.That(highBeforeLatch, Is.Zero);
        Assert.That((((ulong)highAfterLatch) << 32) | low, Is.EqualTo(5_000_000_000UL));
    }

    [Test]
    public void WhenFrameCounterLowIsRead_FrameCounterHighIsLatchedAndClearZerosBoth()
    {
        var fpga = new VirtualFpga(1, FpgaRig.NoCurrent);
        RawWrite(fpga, FpgaRegisters.ControlAddress, FpgaRegisters.ControlRunMask);
        fpga.AdvanceTo(350_000);

        Assert.That(RawRead(fpga, FpgaRegisters.FrameCounterLowAddress), Is.EqualTo(3u));
        Assert.That(RawRead(fpga, FpgaRegisters.FrameCounterHighAddress), Is.Zero);

        RawWrite(fpga, FpgaRegisters.ControlAddress, FpgaRegisters.ControlFrameCounterClearMask);

        Assert.That(RawRead(fpga, FpgaRegisters.FrameCounterLowAddress), Is.Zero);
        Assert.That(RawRead(fpga, FpgaRegisters.TimestampLowAddress), Is.Zero);
    }

    [Test]
    public void WhenRunIsSet_StatusShowsRunningAndFifoFills()
    {
        var fpga = new VirtualFpga(2, FpgaRig.NoCurrent);
        RawWrite(fpga, FpgaRegisters.ChainLengthAddress, 2);
        RawWrite(fpga, FpgaRegisters.ControlAddress, FpgaRegisters.ControlRunMask);

        fpga.AdvanceTo(100_000);

        var status = RawRead(fpga, FpgaRegisters.StatusAddress);
        Assert.That(status & FpgaRegisters.StatusRunningMask, Is.Not.Zero);
        Assert.That(status & FpgaRegisters.StatusFifoEmptyMask, Is.Zero);
        Assert.That(RawRead(fpga, FpgaRegisters.FifoLevelAddress), Is.EqualTo((uint)(5 + (2 * 32) + 1)), "one 16-bit frame of two chips");
    }

    internal static uint RawRead(VirtualFpga fpga, int address)
    {
        var write = new byte[5];
        var read = new byte[5];
        write[0] = (byte)(0x80 | address);
        fpga.TransferFullDuplex(write, read);
        return (uint)((read[1] << 24) | (read[2] << 16) | (read[3] << 8) | read[4]);
    }

    internal static void RawWrite(VirtualFpga fpga, int address, uint value)
    {
        byte[] write = [(byte)address, (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];
        fpga.TransferFullDuplex(write, new byte[5]);
    }
}

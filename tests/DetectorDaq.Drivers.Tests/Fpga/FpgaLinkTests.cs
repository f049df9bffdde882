using DetectorDaq.Hil.Chips;
using DetectorDaq.Firmware.Fpga;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Hil.Fpga;

namespace DetectorDaq.Drivers.Tests.Fpga;

public sealed class FpgaLinkTests
{
    [Test]
    public void WriteRegister_SendsAddressThenValueBigEndian()
    {
        using var rig = new FpgaRig(1);

        rig.Link.WriteRegister(FpgaRegisters.ScratchAddress, 0x12345678);

        Assert.That(rig.Bus.Transactions.Single().Written, Is.EqualTo(new byte[] { 0x0F, 0x12, 0x34, 0x56, 0x78 }));
    }

    [Test]
    public void ReadRegister_SetsReadFlagAndTakesValueFromBytesOneToFour()
    {
        using var rig = new FpgaRig(1);

        var id = rig.Link.ReadRegister(FpgaRegisters.IdAddress);

        var (written, read) = rig.Bus.Transactions.Single();
        Assert.That(written, Is.EqualTo(new byte[] { 0x80, 0, 0, 0, 0 }));
        Assert.That(read[1..], Is.EqualTo("DDAF"u8.ToArray()));
        Assert.That(id, Is.EqualTo(FpgaRegisters.IdReset));
    }

    [TestCase(FpgaRegisters.ChainLengthAddress, 0x20u)]
    [TestCase(FpgaRegisters.TestPatternAddress, 0x04u)]
    [TestCase(FpgaRegisters.DdcConfigAddress, 0x10000u)]
    [TestCase(FpgaRegisters.IdAddress, 0x1u)]
    [TestCase(FpgaRegisters.StatusAddress, 0x1u)]
    [TestCase(FpgaRegisters.ControlAddress, 0x40u)]
    public void WriteRegister_RejectsReservedAndReadOnlyBitsBeforeAnyBusTraffic(int address, uint value)
    {
        using var rig = new FpgaRig(1);

        Assert.That(() => rig.Link.WriteRegister(address, value), Throws.ArgumentException);
        Assert.That(rig.Bus.Transactions, Is.Empty);
    }

    [TestCase(0x10)]
    [TestCase(0x7F)]
    [TestCase(0x80)]
    [TestCase(-1)]
    public void AddressesWithoutRegister_AreRejected(int address)
    {
        using var rig = new FpgaRig(1);

        Assert.That(() => rig.Link.WriteRegister(address, 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => rig.Link.ReadRegister(address), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void ActionBits_CountAsWritable()
    {
        using var rig = new FpgaRig(1);

        Assert.That(() => rig.Link.WriteRegister(FpgaRegisters.ControlAddress, 0x3F), Throws.Nothing);
    }

    [Test]
    public void TryReadId_ReturnsIdAndVersionOfAWorkingLink()
    {
        using var rig = new FpgaRig(1);

        Assert.That(rig.Link.TryReadId(out var id, out var version), Is.True);
        Assert.That(id, Is.EqualTo(FpgaRegisters.IdReset));
        Assert.That(version, Is.EqualTo(FpgaRegisters.VersionReset));
    }

    [TestCase(MisoFault.StuckHigh)]
    [TestCase(MisoFault.StuckLow)]
    public void WhenFpgaDoesNotAnswer_TryReadIdIsFalse(MisoFault fault)
    {
        using var rig = new FpgaRig(1);
        rig.Fpga.MisoFault = fault;

        Assert.That(rig.Link.TryReadId(out _, out _), Is.False);
    }

    [Test]
    public void ReadFifo_IsBoundedByFifoLevelAndPopsInOrder()
    {
        using var rig = new FpgaRig(1);
        var injected = Enumerable.Range(1, 150).Select(value => (uint)value).ToArray();
        rig.Fpga.InjectFifoWords(injected);
        var words = new uint[400];

        var read = rig.Link.ReadFifo(words, 10, 300);

        Assert.That(read, Is.EqualTo(150));
        Assert.That(words.Skip(10).Take(150), Is.EqualTo(injected));
        Assert.That(rig.Fpga.FifoLevel, Is.Zero);
    }

    [Test]
    public void ReadFifo_OfMoreThanOneBurst_SplitsIntoTransactionsOfOneWordPerFourBytes()
    {
        using var rig = new FpgaRig(1);
        rig.Fpga.InjectFifoWords(Enumerable.Range(0, FpgaLink.MaxBurstWords + 6).Select(value => (uint)value).ToArray());
        var words = new uint[100];

        rig.Link.ReadFifo(words, 0, 100);

        var bursts = rig.Bus.Transactions.Where(item => item.Written[0] == (0x80 | FpgaRegisters.FifoDataAddress)).Select(item => item.Written.Length);
        Assert.That(bursts, Is.EqualTo(new[] { 1 + (4 * FpgaLink.MaxBurstWords), 1 + (4 * 6) }));
    }

    [Test]
    public void ReadFifo_RejectsRangesOutsideTheBuffer()
    {
        using var rig = new FpgaRig(1);

        Assert.That(() => rig.Link.ReadFifo(new uint[4], 2, 3), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Dispose_DisposesTheBusUnlessTold()
    {
        var kept = new DisposalCountingBus();
        var owned = new DisposalCountingBus();

        new FpgaLink(kept, shouldDispose: false).Dispose();
        new FpgaLink(owned).Dispose();

        Assert.That(kept.Disposals, Is.Zero);
        Assert.That(owned.Disposals, Is.EqualTo(1));
    }

    private sealed class DisposalCountingBus : DetectorDaq.Firmware.Hardware.ISpiBus
    {
        public int Disposals { get; private set; }

        public void TransferFullDuplex(byte[] writeBuffer, byte[] readBuffer, int count) => Array.Clear(readBuffer, 0, count);

        public void Dispose() => Disposals++;
    }
}

using DetectorDaq.Firmware.Ddc264;
using DetectorDaq.Firmware.Fpga;
using DetectorDaq.Firmware.Hardware;
using DetectorDaq.Firmware.Net.Board;
using DetectorDaq.Hil.Chips;
using DetectorDaq.Hil.Fpga;
using DetectorDaq.Hil.Signals;
using UnitsNet;

namespace DetectorDaq.Drivers.Tests.Fpga;

/// <summary>The firmware's FPGA link, DDC264 chain driver and frame reader over a virtual FPGA.</summary>
internal sealed class FpgaRig : IDisposable
{
    public FpgaRig(int chips, CurrentSignal? signal = null, TransferFunction? sideA = null, TransferFunction? sideB = null, int fifoCapacityWords = 1 << 16)
    {
        Fpga = new VirtualFpga(chips, signal ?? NoCurrent, sideA, sideB, fifoCapacityWords);
        Bus = new RecordingSpiBus(new SpiDeviceBus(Fpga));
        Link = new FpgaLink(Bus);
        Clock = new SimulatedClock(Fpga.AdvanceTo);
        Chain = new Ddc264Chain(Link, Clock);
        Reader = new FifoFrameReader(Link, chips);
        Frame = new FifoFrame(chips);
        Samples = new int[chips * 64];
    }

    public VirtualFpga Fpga { get; }

    public RecordingSpiBus Bus { get; }

    public FpgaLink Link { get; }

    public SimulatedClock Clock { get; }

    public Ddc264Chain Chain { get; }

    public FifoFrameReader Reader { get; }

    public FifoFrame Frame { get; }

    public int[] Samples { get; }

    public static ElectricCurrent NoCurrent(int channel, long frame) => ElectricCurrent.Zero;

    /// <summary>Resets and configures the chain, sets the period and starts acquisition.</summary>
    public void Start(Ddc264Configuration configuration, long integrationNanoseconds = 100_000)
    {
        Chain.Reset();
        Chain.ConfigureAndVerify(configuration, Fpga.Chips.Count);
        Chain.SetIntegrationPeriod(integrationNanoseconds);
        Chain.Start();
    }

    /// <summary>Lets <paramref name="frames"/> integration periods pass.</summary>
    public void Run(int frames, long integrationNanoseconds = 100_000) =>
        Fpga.AdvanceTo(Fpga.NowNanoseconds + (frames * integrationNanoseconds));

    /// <summary>Reads and unpacks the next frame; fails the test when there is none.</summary>
    public int[] NextSamples()
    {
        Assert.That(Reader.TryReadFrame(Frame), Is.True, "no complete frame in the FIFO");
        Ddc264Unpacker.Unpack(Frame, Samples);
        return Samples;
    }

    public void Dispose() => Link.Dispose();
}

/// <summary>A controller clock whose delays move the virtual FPGA's time forward.</summary>
internal sealed class SimulatedClock(Action<long> advance) : IClock
{
    public long NowNanoseconds { get; private set; }

    public void DelayMicroseconds(int microseconds)
    {
        NowNanoseconds += microseconds * 1000L;
        advance(NowNanoseconds);
    }
}

/// <summary>An <see cref="ISpiBus"/> that keeps a copy of every transaction.</summary>
internal sealed class RecordingSpiBus(ISpiBus inner) : ISpiBus
{
    public List<(byte[] Written, byte[] Read)> Transactions { get; } = [];

    public void TransferFullDuplex(byte[] writeBuffer, byte[] readBuffer, int count)
    {
        inner.TransferFullDuplex(writeBuffer, readBuffer, count);
        Transactions.Add((writeBuffer[..count], readBuffer[..count]));
    }

    public void Dispose() => inner.Dispose();
}

using DetectorDaq.Receiver.FastPath;
using BenchmarkDotNet.Attributes;
using DetectorDaq.Bench;
using DetectorDaq.Firmware.Crc;
using DetectorDaq.Receiver;

namespace DetectorDaq.Benchmarks;

/// <summary>Per 8048-byte datagram: CRC-32C by the firmware's table and by the CPU instruction, and ModuleFrameAssembler.Process.</summary>
[MemoryDiagnoser]
public class DatagramBenchmarks
{
    private const int Channels = 6400;
    private readonly byte[] _datagram = new byte[8048];
    private readonly byte[][] _frame = new byte[2][];
    private readonly int[] _lengths = new int[2];
    private SyntheticModuleStream _stream = null!;
    private ModuleFrameAssembler _assembler = null!;
    private ulong _frameNumber;

    [GlobalSetup]
    public void Setup()
    {
        new Random(2).NextBytes(_datagram);
        _stream = new SyntheticModuleStream(1, 0, Channels, 8048, 100_000, seed: 2);
        _assembler = new ModuleFrameAssembler(new ModuleReceiverOptions { DetectorId = 1, ModuleId = 0, ChannelCount = Channels }, new NullSink());
        for (var p = 0; p < _frame.Length; p++)
        {
            _frame[p] = new byte[8048];
        }
    }

    [Benchmark(Baseline = true)]
    public uint Crc32CFirmwareTable() => Crc32C.Compute(_datagram, 0, _datagram.Length);

    [Benchmark]
    public uint Crc32CHostInstruction() => Crc32CHost.Compute(_datagram);

    /// <summary>Both datagrams of one frame; the time includes stamping each (a copy and a host CRC, measured above).</summary>
    [Benchmark(OperationsPerInvoke = 2)]
    public void AssemblerProcessPerDatagram()
    {
        for (var p = 0; p < _frame.Length; p++)
        {
            _lengths[p] = _stream.Stamp(_frameNumber, p, _frame[p]);
        }

        _frameNumber++;
        for (var p = 0; p < _frame.Length; p++)
        {
            _assembler.Process(_frame[p], _lengths[p], 0);
        }
    }

    private sealed class NullSink : IModuleFrameSink
    {
        public void Accept(ModuleFrame frame)
        {
        }
    }
}

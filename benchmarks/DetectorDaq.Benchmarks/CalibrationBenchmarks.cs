using BenchmarkDotNet.Attributes;
using DetectorDaq.Calibration.Kernels;
using DetectorDaq.Firmware.Framing;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Benchmarks;

/// <summary>One 1024-channel frame: SIMD kernel, scalar reference, Packed20 unpack (SIMD and firmware reference) and a copy of the same bytes.</summary>
[MemoryDiagnoser]
public class CalibrationBenchmarks
{
    private const int Channels = 1024;
    private readonly byte[] _packed = new byte[SamplePacking.PayloadBytes(SampleEncoding.Packed20, Channels)];
    private readonly byte[] _packedCopy = new byte[SamplePacking.PayloadBytes(SampleEncoding.Packed20, Channels)];
    private readonly float[] _output = new float[Channels];
    private readonly float[] _outputSource = new float[Channels];
    private readonly int[] _codes = new int[Channels];
    private RawCalibrationKernel _kernel = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var codes = Enumerable.Range(0, Channels).Select(_ => random.Next(0, 1 << 20)).ToArray();
        SamplePacking.Pack(codes, 0, Channels, SampleEncoding.Packed20, _packed, 0);
        _kernel = new RawCalibrationKernel(
            Enumerable.Range(0, Channels).Select(_ => (float)random.NextDouble() * 5000f).ToArray(),
            Enumerable.Range(0, Channels).Select(_ => 0.5f + (float)random.NextDouble()).ToArray(),
            Enumerable.Range(0, Channels).Select(c => c % 97 == 13 ? 1u : 0u).ToArray());
    }

    [Benchmark(Baseline = true)]
    public void MemoryCopy()
    {
        _packed.AsSpan().CopyTo(_packedCopy);
        _outputSource.AsSpan().CopyTo(_output);
    }

    [Benchmark]
    public void KernelSimd() => _kernel.Calibrate(_packed, _output);

    [Benchmark]
    public void KernelScalar() => _kernel.CalibrateScalar(_packed, _output);

    [Benchmark]
    public void UnpackSimd() => Packed20Decoder.Unpack(_packed, _codes);

    [Benchmark]
    public void UnpackFirmwareReference() => SamplePacking.Unpack(_packed, 0, Channels, SampleEncoding.Packed20, _codes, 0);
}

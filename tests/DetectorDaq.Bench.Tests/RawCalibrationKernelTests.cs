using DetectorDaq.Calibration.Kernels;
using DetectorDaq.Firmware.Framing;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Bench.Tests;

public class RawCalibrationKernelTests
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(7)]
    [TestCase(8)]
    [TestCase(9)]
    [TestCase(17)]
    [TestCase(63)]
    [TestCase(1024)]
    [TestCase(1031)]
    public void SimdKernel_EqualsScalarReferenceBitForBit(int channels)
    {
        var random = new Random(channels);
        var kernel = RandomKernel(random, channels, badEvery: 5);
        var packed = Pack(RandomCodes(random, channels));
        var simd = new float[channels];
        var scalar = new float[channels];

        kernel.Calibrate(packed, simd);
        kernel.CalibrateScalar(packed, scalar);

        Assert.That(Bits(simd), Is.EqualTo(Bits(scalar)));
    }

    [Test]
    public void ScalarReference_ComputesOffsetThenGain_AndNaNForBadChannels()
    {
        int[] codes = [0, 0xFFFFF, 4096, 12345, 0x80000];
        var kernel = new RawCalibrationKernel([100f, 0f, 4096f, 45f, 1f], [2f, 1f, 3f, 0.5f, 1f], [0, 0, 0, 7, 0]);
        var output = new float[codes.Length];

        kernel.CalibrateScalar(Pack(codes), output);

        Assert.That(output, Is.EqualTo(new[] { -200f, 1048575f, 0f, float.NaN, 524287f }));
    }

    [TestCase(5)]
    [TestCase(64)]
    [TestCase(1025)]
    public void WhenEveryChannelIsBad_EveryOutputIsNaN(int channels)
    {
        var random = new Random(channels);
        var kernel = new RawCalibrationKernel(new float[channels], Enumerable.Repeat(1f, channels).ToArray(), Enumerable.Repeat(uint.MaxValue, channels).ToArray());
        var output = new float[channels];

        kernel.Calibrate(Pack(RandomCodes(random, channels)), output);

        Assert.That(output.All(float.IsNaN), Is.True);
    }

    [Test]
    public void ManyFrames_SimdEqualsScalarFrameByFrame()
    {
        var random = new Random(99);
        const int Channels = 1030;
        const int Frames = 13;
        var kernel = RandomKernel(random, Channels, badEvery: 11);
        var packed = CalibrateBenchmarkData(random, Channels, Frames);
        var batch = new float[Channels * Frames];
        var reference = new float[Channels * Frames];

        kernel.CalibrateFrames(packed, batch, Frames);
        for (var f = 0; f < Frames; f++)
        {
            kernel.CalibrateScalar(packed.AsSpan(f * kernel.FrameBytes), reference.AsSpan(f * Channels, Channels));
        }

        Assert.That(Bits(batch), Is.EqualTo(Bits(reference)));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void ParallelCalibration_EqualsOneCore(int workers)
    {
        var random = new Random(workers);
        const int Channels = 256;
        const int Frames = 7;
        var kernel = RandomKernel(random, Channels, badEvery: 3);
        var packed = CalibrateBenchmarkData(random, Channels, Frames);
        var parallel = new float[Channels * Frames];
        var single = new float[Channels * Frames];

        new ParallelRawCalibration(kernel, Frames, workers).Calibrate(packed, parallel);
        kernel.CalibrateFrames(packed, single, Frames);

        Assert.That(Bits(parallel), Is.EqualTo(Bits(single)));
    }

    [Test]
    public void WhenInputIsShort_ThrowsNamingTheSizes()
    {
        var kernel = new RawCalibrationKernel(new float[4], new float[4], new uint[4]);

        Assert.That(() => kernel.Calibrate(new byte[9], new float[4]), Throws.ArgumentException.With.Message.Contains("need 10 bytes"));
    }

    private static RawCalibrationKernel RandomKernel(Random random, int channels, int badEvery)
    {
        var offsets = Enumerable.Range(0, channels).Select(_ => (float)(random.NextDouble() * 5000)).ToArray();
        var gains = Enumerable.Range(0, channels).Select(_ => (float)(0.5 + random.NextDouble())).ToArray();
        var mask = Enumerable.Range(0, channels).Select(c => c % badEvery == 1 ? (uint)random.Next(1, int.MaxValue) : 0u).ToArray();
        return new RawCalibrationKernel(offsets, gains, mask);
    }

    internal static int[] RandomCodes(Random random, int count) => Enumerable.Range(0, count).Select(_ => random.Next(0, 1 << 20)).ToArray();

    /// <summary>Packs with the firmware core's reference packer.</summary>
    internal static byte[] Pack(int[] codes)
    {
        var packed = new byte[SamplePacking.PayloadBytes(SampleEncoding.Packed20, codes.Length)];
        SamplePacking.Pack(codes, 0, codes.Length, SampleEncoding.Packed20, packed, 0);
        return packed;
    }

    private static byte[] CalibrateBenchmarkData(Random random, int channels, int frames) =>
        Enumerable.Range(0, frames).SelectMany(_ => Pack(RandomCodes(random, channels))).ToArray();

    private static int[] Bits(float[] values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();
}

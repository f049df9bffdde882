using DetectorDaq.Calibration.Kernels;
using DetectorDaq.Firmware.Framing;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Bench;

/// <summary>
/// Packed20 → float32 calibration of batches of 1024-channel frames, against copying the same bytes: the
/// baseline copies the packed input (2.5 bytes/sample) into a buffer of its size and a float buffer of the
/// output's size (4 bytes/sample) into the output, i.e. reads and writes what the kernel must at least read
/// and write. "In cache": one batch reused (≈1.7 MB, L2/L3); "out of cache": a ring of batches far larger than L3.
/// </summary>
internal static class CalibrateBenchmark
{
    public const int Channels = 1024;
    public const int FramesPerBatch = 256;

    public static CalibrateResult Run(bool quick, Action<string>? progress)
    {
        var ringBatches = quick ? 4 : 48;
        var repeats = quick ? 3 : 7;
        var seconds = quick ? 0.05 : 0.25;
        var random = new Random(20);
        var kernel = CreateKernel(random, Channels);
        var samplesPerBatch = (double)Channels * FramesPerBatch;
        var batches = Enumerable.Range(0, ringBatches).Select(_ => RandomPackedFrames(random, Channels, FramesPerBatch)).ToArray();
        var outputs = Enumerable.Range(0, ringBatches).Select(_ => new float[Channels * FramesPerBatch]).ToArray();
        var copyInput = new byte[batches[0].Length];
        var copyOutputSource = new float[Channels * FramesPerBatch];

        progress?.Invoke("calibrate: one core, in cache");
        var inCache = Measurement.MedianRate(() => kernel.CalibrateFrames(batches[0], outputs[0], FramesPerBatch), samplesPerBatch, repeats, seconds);
        var scalar = Measurement.MedianRate(() => CalibrateScalarFrames(kernel, batches[0], outputs[0]), samplesPerBatch, repeats, seconds);
        var copyInCache = Measurement.MedianRate(() => Copy(batches[0], copyInput, copyOutputSource, outputs[0]), samplesPerBatch, repeats, seconds);

        progress?.Invoke("calibrate: one core, out of cache");
        var next = 0;
        var outOfCache = Measurement.MedianRate(
            () =>
            {
                kernel.CalibrateFrames(batches[next], outputs[next], FramesPerBatch);
                next = (next + 1) % ringBatches;
            },
            samplesPerBatch,
            repeats,
            seconds);
        var copyOutOfCache = Measurement.MedianRate(
            () =>
            {
                Copy(batches[next], copyInput, copyOutputSource, outputs[next]);
                next = (next + 1) % ringBatches;
            },
            samplesPerBatch,
            repeats,
            seconds);

        progress?.Invoke("calibrate: 1 and 2 cores");
        var oneCore = ParallelRate(kernel, batches, outputs, 1, repeats, seconds);
        var twoCores = ParallelRate(kernel, batches, outputs, 2, repeats, seconds);
        return new CalibrateResult
        {
            Channels = Channels,
            FramesPerBatch = FramesPerBatch,
            SamplesPerS = inCache,
            MemcpySamplesPerS = copyInCache,
            RatioToMemcpy = inCache / copyInCache,
            ScalarSamplesPerS = scalar,
            OutOfCacheSamplesPerS = outOfCache,
            OutOfCacheMemcpySamplesPerS = copyOutOfCache,
            OutOfCacheRatioToMemcpy = outOfCache / copyOutOfCache,
            SamplesPerS1Core = oneCore,
            SamplesPerS2Cores = twoCores,
            Scaling2Cores = twoCores / oneCore,
        };
    }

    /// <summary>A kernel with offsets around a dark level, gains near one and one bad channel in 97.</summary>
    public static RawCalibrationKernel CreateKernel(Random random, int channels)
    {
        var offsets = new float[channels];
        var gains = new float[channels];
        var mask = new uint[channels];
        for (var c = 0; c < channels; c++)
        {
            offsets[c] = 4096f + (float)random.NextDouble() * 100f;
            gains[c] = 0.9f + (float)random.NextDouble() * 0.2f;
            mask[c] = c % 97 == 13 ? 1u : 0u;
        }

        return new RawCalibrationKernel(offsets, gains, mask);
    }

    /// <summary>Random codes packed by the firmware core's reference packer, frame after frame.</summary>
    public static byte[] RandomPackedFrames(Random random, int channels, int frames)
    {
        var codes = new int[channels];
        var frameBytes = SamplePacking.PayloadBytes(SampleEncoding.Packed20, channels);
        var packed = new byte[frameBytes * frames];
        for (var f = 0; f < frames; f++)
        {
            for (var c = 0; c < channels; c++)
            {
                codes[c] = random.Next(0, 1 << 20);
            }

            SamplePacking.Pack(codes, 0, channels, SampleEncoding.Packed20, packed, f * frameBytes);
        }

        return packed;
    }

    private static void CalibrateScalarFrames(RawCalibrationKernel kernel, byte[] packed, float[] output)
    {
        for (var f = 0; f < FramesPerBatch; f++)
        {
            kernel.CalibrateScalar(packed.AsSpan(f * kernel.FrameBytes), output.AsSpan(f * Channels, Channels));
        }
    }

    private static void Copy(byte[] input, byte[] inputCopy, float[] outputSource, float[] output)
    {
        input.AsSpan().CopyTo(inputCopy);
        outputSource.AsSpan().CopyTo(output);
    }

    private static double ParallelRate(RawCalibrationKernel kernel, byte[][] batches, float[][] outputs, int workers, int repeats, double seconds)
    {
        var parallel = new ParallelRawCalibration(kernel, FramesPerBatch, workers);
        var next = 0;
        return Measurement.MedianRate(
            () =>
            {
                parallel.Calibrate(batches[next], outputs[next]);
                next = (next + 1) % batches.Length;
            },
            (double)Channels * FramesPerBatch,
            repeats,
            seconds);
    }
}

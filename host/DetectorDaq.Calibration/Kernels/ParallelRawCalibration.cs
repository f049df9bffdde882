namespace DetectorDaq.Calibration.Kernels;

/// <summary>
/// Runs a <see cref="RawCalibrationKernel"/> over a batch of back-to-back frames on several cores: the batch is
/// cut into one contiguous range of frames per worker, planned once in the constructor, and
/// <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/> runs one range per iteration. The ranges and
/// the loop body are preallocated; what Parallel.For itself allocates per call (a few hundred bytes) remains.
/// One batch at a time per instance.
/// </summary>
public sealed class ParallelRawCalibration
{
    private readonly RawCalibrationKernel _kernel;
    private readonly int[] _firstFrame;
    private readonly ParallelOptions _parallelOptions;
    private readonly Action<int> _body;
    private byte[] _packed = [];
    private float[] _output = [];

    /// <summary>Plans batches of <paramref name="framesPerBatch"/> (≥ 1) frames over <paramref name="workers"/> (≥ 1) cores.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is below 1.</exception>
    public ParallelRawCalibration(RawCalibrationKernel kernel, int framesPerBatch, int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(framesPerBatch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        _kernel = kernel;
        FramesPerBatch = framesPerBatch;
        Workers = Math.Min(workers, framesPerBatch);
        _firstFrame = new int[Workers + 1];
        for (var worker = 0; worker <= Workers; worker++)
        {
            _firstFrame[worker] = (int)((long)framesPerBatch * worker / Workers);
        }

        _parallelOptions = new ParallelOptions { MaxDegreeOfParallelism = Workers };
        _body = CalibratePartition;
    }

    /// <summary>Frames per batch.</summary>
    public int FramesPerBatch { get; }

    /// <summary>Partitions (cores) a batch is split into.</summary>
    public int Workers { get; }

    /// <summary>Calibrates one batch from <paramref name="packed"/> into <paramref name="output"/> (layout as <see cref="RawCalibrationKernel.CalibrateFrames"/>).</summary>
    /// <exception cref="ArgumentException">A buffer is too short for <see cref="FramesPerBatch"/> frames.</exception>
    public void Calibrate(byte[] packed, float[] output)
    {
        if (packed.Length < (long)_kernel.FrameBytes * FramesPerBatch || output.Length < (long)_kernel.ChannelCount * FramesPerBatch)
        {
            throw new ArgumentException($"a batch of {FramesPerBatch} frames needs {(long)_kernel.FrameBytes * FramesPerBatch} input bytes and {(long)_kernel.ChannelCount * FramesPerBatch} output floats");
        }

        _packed = packed;
        _output = output;
        try
        {
            if (Workers == 1)
            {
                CalibratePartition(0);
            }
            else
            {
                Parallel.For(0, Workers, _parallelOptions, _body);
            }
        }
        finally
        {
            _packed = [];
            _output = [];
        }
    }

    private void CalibratePartition(int worker)
    {
        var first = _firstFrame[worker];
        var count = _firstFrame[worker + 1] - first;
        _kernel.CalibrateFrames(
            _packed.AsSpan(first * _kernel.FrameBytes, count * _kernel.FrameBytes),
            _output.AsSpan(first * _kernel.ChannelCount, count * _kernel.ChannelCount),
            count);
    }
}

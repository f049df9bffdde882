using DetectorDaq.Calibration;
using DetectorDaq.Calibration.Chain;
using DetectorDaq.Files;
using DetectorDaq.Frames;
using DetectorDaq.Receiver.Aggregation;
using DetectorDaq.Streaming;

namespace DetectorDaq.Acquisition;

/// <summary>
/// Takes assembled detector frames in order, gives each its image key from the plan, corrects
/// projections — with the calibration chain when the run has constants, else by flat-field with the
/// darks and flats seen so far — and hands the frames to the file and the live stream: raw codes, and for a
/// corrected frame its corrected values beside them in the file and instead of them in the stream.
/// Runs on one thread; the counters may be read from any.
/// </summary>
internal sealed class FrameConsumer(AcquisitionPlan plan, NexusWriter writer, ZeroMqFrameStream? stream, AcquisitionOptions options, StreamingCalibration? calibration, int pixelCount)
{
    private readonly float[] _calibrated = new float[pixelCount];
    private readonly StreamingFlatField? _flatField = calibration is null && options.FlatField ? new(pixelCount) : null;
    private long _written;
    private long _complete;
    private long _calibratedCount;

    public long FramesWritten => Interlocked.Read(ref _written);

    public long FramesComplete => Interlocked.Read(ref _complete);

    public long FramesCalibrated => Interlocked.Read(ref _calibratedCount);

    public async Task DrainAsync(DetectorFrameAssembler assembler)
    {
        await foreach (var frame in assembler.Frames.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                Handle(frame);
            }
            finally
            {
                assembler.Release(frame);
            }
        }
    }

    private void Handle(DetectorFrame frame)
    {
        frame.ImageKey = frame.FrameNumber < (ulong)plan.FrameCount ? plan.FrameKeys[(int)frame.FrameNumber] : ImageKey.Projection;
        if (Correct(frame))
        {
            writer.Write(frame, _calibrated);
            stream?.Write(frame, _calibrated);
            Interlocked.Increment(ref _calibratedCount);
        }
        else
        {
            writer.Write(frame);
            stream?.Write(frame);
        }

        if (frame.Complete)
        {
            Interlocked.Increment(ref _complete);
        }

        var written = Interlocked.Increment(ref _written);
        options.Progress?.Report(new AcquisitionProgress(written, plan.FrameCount));
    }

    private bool Correct(DetectorFrame frame) =>
        calibration?.Process(frame, _calibrated) ?? _flatField?.Process(frame, _calibrated, options.MinusLog) ?? false;
}

using DetectorDaq.Acquisition;
using DetectorDaq.Calibration.Chain;
using DetectorDaq.Files;
using DetectorDaq.Frames;
using DetectorDaq.Receiver;

namespace DetectorDaq.Production.Devices;

/// <summary>
/// The plan and the read-back of one production acquisition: <c>frames</c> frames of one image key
/// written to a NeXus file by the acquisition path, read back with the integrator side the file records.
/// </summary>
public static class AcquiredFrames
{
    /// <summary>
    /// Production acquisitions keep complete frames only: a frame with a lost packet holds zeros for its
    /// channels, which would enter the offsets, noise and gains as if measured.
    /// </summary>
    public const FrameDiscardPolicy DiscardPolicy = FrameDiscardPolicy.DropPartial;

    /// <summary>
    /// Image keys of an acquisition of <paramref name="frames"/> frames of <paramref name="key"/>: one trailing
    /// projection follows, since the NeXus reader recognises a scan by its projections.
    /// </summary>
    public static ImageKey[] Keys(ImageKey key, int frames) => Enumerable.Repeat(key, frames).Append(ImageKey.Projection).ToArray();

    /// <summary>The plan of <see cref="Keys"/> at <paramref name="integrationPeriodNanoseconds"/>.</summary>
    public static AcquisitionPlan Plan(ImageKey key, int frames, long integrationPeriodNanoseconds) => new(Keys(key, frames), integrationPeriodNanoseconds);

    /// <summary>Reads the first <paramref name="frames"/> frames of <paramref name="key"/> from the file of <paramref name="summary"/> as codes with their side (of <paramref name="sides"/>).</summary>
    /// <exception cref="InvalidOperationException">The acquisition faulted or delivered fewer frames.</exception>
    public static SidedFrame[] Read(AcquisitionSummary summary, ImageKey key, int frames, int sides)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.FaultReason is not null)
        {
            throw new InvalidOperationException($"acquisition of {frames} {key} frames failed: {summary.FaultReason}");
        }

        using var file = TomographyFile.Open(summary.OutputPath);
        var series = key == ImageKey.Dark ? file.Darks : file.Flats;
        if (series.Count < frames)
        {
            throw new InvalidOperationException($"acquisition delivered {series.Count} of {frames} {key} frames");
        }

        return series.ReadCodes(0, frames, sides).ToArray();
    }
}

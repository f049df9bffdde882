using DetectorDaq.Frames;

namespace DetectorDaq.Acquisition;

/// <summary>What one run acquires: how many frames, what each frame number shows, and how long each integrates.</summary>
/// <param name="FrameKeys">Image key of frame number i at index i; the run takes exactly this many frames.</param>
/// <param name="IntegrationPeriodNanoseconds">Integration period of every frame, ns.</param>
public sealed record AcquisitionPlan(IReadOnlyList<ImageKey> FrameKeys, long IntegrationPeriodNanoseconds)
{
    /// <summary>Frames in the run.</summary>
    public int FrameCount => FrameKeys.Count;

    /// <summary>A run of <paramref name="frames"/> frames that all show <paramref name="key"/>.</summary>
    public static AcquisitionPlan Uniform(ImageKey key, int frames, long integrationPeriodNanoseconds) =>
        new(Enumerable.Repeat(key, frames).ToArray(), integrationPeriodNanoseconds);
}

using System.Collections.Concurrent;

namespace DetectorDaq.Frames;

/// <summary>
/// A bounded set of reusable frames. <see cref="TryRent"/> fails instead of allocating once
/// <see cref="Capacity"/> frames are out, so memory stays bounded whatever the input rate.
/// </summary>
public sealed class FramePool
{
    private readonly ConcurrentBag<DetectorFrame> _free = [];
    private int _created;

    /// <summary>Creates a pool of at most <paramref name="capacity"/> frames of <paramref name="geometry"/>.</summary>
    public FramePool(DetectorGeometry geometry, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Geometry = geometry;
        Capacity = capacity;
    }

    /// <summary>Geometry of the frames.</summary>
    public DetectorGeometry Geometry { get; }

    /// <summary>Most frames that exist at once.</summary>
    public int Capacity { get; }

    /// <summary>A cleared frame, or false when all <see cref="Capacity"/> frames are in use.</summary>
    public bool TryRent(out DetectorFrame frame)
    {
        if (_free.TryTake(out frame!))
        {
            frame.Reset();
            return true;
        }

        if (Interlocked.Increment(ref _created) <= Capacity)
        {
            frame = new DetectorFrame(Geometry);
            return true;
        }

        Interlocked.Decrement(ref _created);
        frame = null!;
        return false;
    }

    /// <summary>Gives a frame back.</summary>
    public void Return(DetectorFrame frame) => _free.Add(frame);
}

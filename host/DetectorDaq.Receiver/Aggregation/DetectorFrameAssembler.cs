using System.Threading.Channels;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Frames;

namespace DetectorDaq.Receiver.Aggregation;

/// <summary>
/// Aligns the module frames of N <see cref="ModuleReceiver"/>s by frame number into <see cref="DetectorFrame"/>s
/// rented from a <see cref="FramePool"/> and publishes them, in frame-number order, on <see cref="Frames"/>.
/// The caller drains <see cref="Frames"/> and gives every frame back with <see cref="Release"/> (or lets
/// <see cref="DrainToAsync"/> do both); memory stays bounded by the pool.
/// </summary>
/// <remarks>
/// A detector frame leaves when every module delivered it; or, incomplete, when every missing module already
/// delivered a newer frame (it skipped this one); or when a frame <see cref="LagLimitFrames"/> newer exists
/// (the missing modules lag: counted, <see cref="ModuleEventKind.Lagging"/> raised, their frame discarded as
/// late when it comes). A module whose numbering goes back (controller restart) is realigned so that its next
/// frame takes the next detector number it owes, or the next one to leave if that one has gone. Safe for
/// several receive threads at once; <see cref="ModuleEventRaised"/> handlers run on them under a lock and must
/// return quickly.
/// </remarks>
public sealed class DetectorFrameAssembler : IModuleFrameSink
{
    private readonly Lock _gate = new();
    private readonly DetectorGeometry _geometry;
    private readonly FramePool _pool;
    private readonly Dictionary<int, int> _moduleIndex = [];
    private readonly ModuleTrack[] _modules;
    private readonly PendingFrame[] _pending;
    private readonly ulong _allModules;
    private readonly Channel<DetectorFrame> _output;
    private bool _anyEmitted;
    private ulong _nextToEmit;
    private ulong _newest;
    private long _framesComplete;
    private long _framesIncomplete;
    private long _framesDroppedNoPoolFrame;
    private long _unknownModuleFrames;
    private bool _completed;

    /// <summary>Creates an assembler for <paramref name="geometry"/> (1 to 64 modules) taking frames from <paramref name="pool"/>.</summary>
    /// <param name="geometry">The detector; module ids must match the receivers' module ids.</param>
    /// <param name="pool">Where detector frames come from; its capacity bounds memory and the frames queued on <see cref="Frames"/>.</param>
    /// <param name="lagLimitFrames">
    /// How many frame numbers the newest waiting frame may lead the oldest before the oldest leaves
    /// incomplete, 1..1024 (default 16). Keep it above the receivers' reorder window: a receiver holds
    /// frames behind a gap for that many frames before it gives the gap up.
    /// </param>
    /// <exception cref="ArgumentException">More than 64 modules, or the pool is for another geometry.</exception>
    public DetectorFrameAssembler(DetectorGeometry geometry, FramePool pool, int lagLimitFrames = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lagLimitFrames, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lagLimitFrames, 1024);
        if (geometry.Modules.Count is < 1 or > 64)
        {
            throw new ArgumentException($"an assembler handles 1 to 64 modules, not {geometry.Modules.Count}", nameof(geometry));
        }

        if (!ReferenceEquals(pool.Geometry, geometry))
        {
            throw new ArgumentException("the frame pool is for another geometry", nameof(pool));
        }

        _geometry = geometry;
        _pool = pool;
        LagLimitFrames = lagLimitFrames;
        _modules = new ModuleTrack[geometry.Modules.Count];
        for (var m = 0; m < _modules.Length; m++)
        {
            var module = geometry.Modules[m];
            var pixels = new int[module.ChannelCount];
            for (var channel = 0; channel < pixels.Length; channel++)
            {
                pixels[channel] = module.PixelIndex(channel, geometry.Columns);
            }

            _modules[m] = new ModuleTrack(module.ModuleId, pixels);
            _moduleIndex[module.ModuleId] = m;
        }

        _allModules = _modules.Length == 64 ? ulong.MaxValue : (1UL << _modules.Length) - 1;
        _pending = new PendingFrame[lagLimitFrames + 1];
        for (var i = 0; i < _pending.Length; i++)
        {
            _pending[i] = new PendingFrame();
        }

        // Every queued frame is a pool frame, so the pool's capacity bounds the queue and TryWrite never fails.
        _output = Channel.CreateBounded<DetectorFrame>(new BoundedChannelOptions(pool.Capacity) { SingleReader = true });
    }

    /// <summary>Raised on a module's lag, catch-up, skip or restart (on a receive thread, under the assembler's lock).</summary>
    public event Action<ModuleEvent>? ModuleEventRaised;

    /// <summary>Frame numbers the newest waiting frame may lead the oldest.</summary>
    public int LagLimitFrames { get; }

    /// <summary>Stamped on every frame that leaves from now on (run control switches it between dark, flat and projections).</summary>
    public ImageKey ImageKey { get; set; }

    /// <summary>Detector frames in frame-number order; completes after <see cref="Complete"/>. Give each back with <see cref="Release"/>.</summary>
    public ChannelReader<DetectorFrame> Frames => _output.Reader;

    /// <summary>A snapshot of the counters.</summary>
    public AssemblerStatistics Statistics
    {
        get
        {
            lock (_gate)
            {
                return new AssemblerStatistics
                {
                    FramesEmitted = _framesComplete + _framesIncomplete,
                    FramesComplete = _framesComplete,
                    FramesIncomplete = _framesIncomplete,
                    FramesDroppedNoPoolFrame = _framesDroppedNoPoolFrame,
                    UnknownModuleFrames = _unknownModuleFrames,
                    Modules = _modules.Select(module => module.Snapshot()).ToArray(),
                };
            }
        }
    }

    /// <summary>Gives a frame read from <see cref="Frames"/> back to the pool.</summary>
    public void Release(DetectorFrame frame) => _pool.Return(frame);

    /// <inheritdoc/>
    public void Accept(ModuleFrame frame)
    {
        lock (_gate)
        {
            if (_completed || !_moduleIndex.TryGetValue(frame.ModuleId, out var m) || frame.Samples.Length != _modules[m].Pixels.Length)
            {
                _unknownModuleFrames++;
                return;
            }

            var track = _modules[m];
            var number = Align(track, frame.FrameNumber);
            if (_anyEmitted && number < _nextToEmit)
            {
                track.LateFrames++;
                return;
            }

            if (track.Lagging)
            {
                track.Lagging = false;
                Raise(ModuleEventKind.CaughtUp, track, number, 0);
            }

            var pending = Find(number) ?? Open(number);
            if (pending == null)
            {
                _framesDroppedNoPoolFrame++;
                return;
            }

            Place(pending, m, frame);
            track.FramesAccepted++;
            if (number > _newest)
            {
                _newest = number;
            }

            EmitReady();
        }
    }

    /// <summary>No more module frames: the waiting frames leave (incomplete where modules are missing) and <see cref="Frames"/> completes.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            for (var head = Oldest(); head != null; head = Oldest())
            {
                Emit(head);
            }

            _completed = true;
            _output.Writer.TryComplete();
        }
    }

    /// <summary>Writes every frame of <see cref="Frames"/> to <paramref name="sink"/>, releases it, and calls <see cref="IFrameSink.Complete"/> at the end.</summary>
    public async Task DrainToAsync(IFrameSink sink, CancellationToken cancellationToken = default)
    {
        await foreach (var frame in _output.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                sink.Write(frame);
            }
            finally
            {
                Release(frame);
            }
        }

        sink.Complete();
    }

    private ulong Align(ModuleTrack track, ulong moduleNumber)
    {
        if (!track.Seen)
        {
            track.Seen = true;
        }
        else if (moduleNumber <= track.LastModuleNumber)
        {
            var resume = _anyEmitted && _nextToEmit > track.LastDetectorNumber + 1 ? _nextToEmit : track.LastDetectorNumber + 1;
            track.Offset = resume - moduleNumber;
            track.Restarts++;
            Raise(ModuleEventKind.Restarted, track, resume, 0);
        }
        else if (moduleNumber > track.LastModuleNumber + 1)
        {
            var skipped = moduleNumber - track.LastModuleNumber - 1;
            track.SkippedFrames += (long)skipped;
            Raise(ModuleEventKind.Skipped, track, track.LastDetectorNumber + 1, skipped);
        }

        track.LastModuleNumber = moduleNumber;
        track.LastDetectorNumber = moduleNumber + track.Offset;
        return track.LastDetectorNumber;
    }

    private void Place(PendingFrame pending, int m, ModuleFrame frame)
    {
        var detectorFrame = pending.Frame!;
        var codes = detectorFrame.Codes;
        var pixels = _modules[m].Pixels;
        var samples = frame.Samples;
        for (var channel = 0; channel < pixels.Length; channel++)
        {
            codes[pixels[channel]] = samples[channel];
        }

        if (pending.Delivered == 0)
        {
            detectorFrame.TimestampNanoseconds = frame.TimestampNanoseconds;
            detectorFrame.IntegratorSideB = (frame.Flags & PacketFlags.IntegratorSideB) != 0;
        }

        pending.Delivered |= 1UL << m;
        if ((frame.Flags & PacketFlags.IntegratorSideB) != 0)
        {
            detectorFrame.SideBModules |= 1UL << m;
        }

        if (frame.Complete)
        {
            detectorFrame.CompleteModules |= 1UL << m;
        }
    }

    private void EmitReady()
    {
        for (var head = Oldest(); head != null; head = Oldest())
        {
            if (head.Delivered != _allModules && _newest - head.FrameNumber < (ulong)LagLimitFrames && !MissingModulesMovedOn(head))
            {
                return;
            }

            Emit(head);
        }
    }

    private bool MissingModulesMovedOn(PendingFrame head)
    {
        for (var m = 0; m < _modules.Length; m++)
        {
            if ((head.Delivered & (1UL << m)) == 0 && (!_modules[m].Seen || _modules[m].LastDetectorNumber <= head.FrameNumber))
            {
                return false;
            }
        }

        return true;
    }

    private void Emit(PendingFrame pending)
    {
        var frame = pending.Frame!;
        var skippedByAll = MissingModulesMovedOn(pending);
        for (var m = 0; m < _modules.Length; m++)
        {
            if ((pending.Delivered & (1UL << m)) != 0)
            {
                continue;
            }

            var track = _modules[m];
            track.MissingFrames++;
            if (!skippedByAll && !_completed && !track.Lagging && (!track.Seen || track.LastDetectorNumber < pending.FrameNumber))
            {
                track.Lagging = true;
                track.LagEvents++;
                Raise(ModuleEventKind.Lagging, track, pending.FrameNumber, 0);
            }
        }

        frame.FrameNumber = pending.FrameNumber;
        frame.ImageKey = ImageKey;
        frame.Complete = pending.Delivered == _allModules && frame.CompleteModules == _allModules;
        if (frame.Complete)
        {
            _framesComplete++;
        }
        else
        {
            _framesIncomplete++;
        }

        _anyEmitted = true;
        _nextToEmit = pending.FrameNumber + 1;
        pending.Frame = null;
        pending.Delivered = 0;
        if (!_output.Writer.TryWrite(frame))
        {
            _pool.Return(frame);
        }
    }

    private PendingFrame? Open(ulong number)
    {
        var free = Array.Find(_pending, pending => pending.Frame == null);
        if (free == null)
        {
            // More numbers waiting than the lag limit allows can only come from a far jump: make room in order.
            Emit(Oldest()!);
            free = Array.Find(_pending, pending => pending.Frame == null)!;
        }

        if (!_pool.TryRent(out var frame))
        {
            return null;
        }

        free.Frame = frame;
        free.FrameNumber = number;
        free.Delivered = 0;
        return free;
    }

    private PendingFrame? Find(ulong number)
    {
        foreach (var pending in _pending)
        {
            if (pending.Frame != null && pending.FrameNumber == number)
            {
                return pending;
            }
        }

        return null;
    }

    private PendingFrame? Oldest()
    {
        PendingFrame? oldest = null;
        foreach (var pending in _pending)
        {
            if (pending.Frame != null && (oldest == null || pending.FrameNumber < oldest.FrameNumber))
            {
                oldest = pending;
            }
        }

        return oldest;
    }

    private void Raise(ModuleEventKind kind, ModuleTrack track, ulong frameNumber, ulong count) =>
        ModuleEventRaised?.Invoke(new ModuleEvent(kind, track.ModuleId, frameNumber, count));
}

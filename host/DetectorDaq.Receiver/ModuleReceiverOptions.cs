using System.Net;

namespace DetectorDaq.Receiver;

/// <summary>How a <see cref="ModuleReceiver"/> listens and assembles one module's frames.</summary>
public sealed class ModuleReceiverOptions
{
    /// <summary>Detector identifier the packets must carry; others count as wrong module.</summary>
    public required ushort DetectorId { get; init; }

    /// <summary>Module identifier the packets must carry; others count as wrong module.</summary>
    public required ushort ModuleId { get; init; }

    /// <summary>Channels (samples) per module frame, ≥ 1; packets must tile exactly this many.</summary>
    public required int ChannelCount { get; init; }

    /// <summary>Local address to bind; default any IPv4 address.</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Any;

    /// <summary>Local UDP port, 0..65535; 0 lets the OS pick one (read <see cref="ModuleReceiver.LocalEndpoint"/>).</summary>
    public int Port { get; init; }

    /// <summary>Socket receive buffer requested, bytes (default 8 MiB); the OS may grant less (Linux caps it at net.core.rmem_max).</summary>
    public int ReceiveBufferBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Frames assembled at once, 1..64 (default 8); a packet of a further frame is flood-dropped.</summary>
    public int MaxFramesInFlight { get; init; } = 8;

    /// <summary>
    /// An incomplete frame retires (times out) once a frame this many numbers newer arrives, ≥ 1 (default 8).
    /// Keep it at most <see cref="MaxFramesInFlight"/> so that in-order streams never hit the in-flight limit.
    /// </summary>
    public int ReorderWindowFrames { get; init; } = 8;

    /// <summary>An incomplete frame retires (times out) this long after its first packet arrived (default 200 ms).</summary>
    public TimeSpan FrameTimeout { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// A packet this many frame numbers older than the oldest frame not yet retired means the controller
    /// restarted its numbering (default 256); a packet less old is a late packet.
    /// </summary>
    public ulong RestartThresholdFrames { get; init; } = 256;

    /// <summary>What happens to frames that retire incomplete.</summary>
    public FrameDiscardPolicy DiscardPolicy { get; init; } = FrameDiscardPolicy.KeepPartial;

    /// <exception cref="ArgumentOutOfRangeException">A value is outside its documented range.</exception>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ChannelCount, 1, nameof(ChannelCount));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ChannelCount, 1 << 24, nameof(ChannelCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFramesInFlight, 1, nameof(MaxFramesInFlight));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxFramesInFlight, 64, nameof(MaxFramesInFlight));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReorderWindowFrames, 1, nameof(ReorderWindowFrames));
        ArgumentOutOfRangeException.ThrowIfLessThan(RestartThresholdFrames, 1UL, nameof(RestartThresholdFrames));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FrameTimeout, TimeSpan.Zero, nameof(FrameTimeout));
        ArgumentOutOfRangeException.ThrowIfNegative(Port, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReceiveBufferBytes, 1, nameof(ReceiveBufferBytes));
    }
}

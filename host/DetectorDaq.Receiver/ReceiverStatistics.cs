namespace DetectorDaq.Receiver;

/// <summary>
/// A snapshot of one module receiver's counters since it was built. Every datagram lands in exactly one of
/// <see cref="CrcFailures"/>, <see cref="Malformed"/>, <see cref="WrongModule"/>, <see cref="Duplicates"/>,
/// <see cref="LatePackets"/>, <see cref="FloodDropped"/> or the accepted packets, so
/// <see cref="PacketsReceived"/> = the rejections + <see cref="PacketsAccepted"/>. Every retired frame is
/// exactly one of <see cref="FramesComplete"/>, <see cref="FramesPartial"/> or <see cref="FramesDropped"/>.
/// </summary>
public sealed record ReceiverStatistics
{
    /// <summary>Datagrams read from the socket (or handed to the assembler).</summary>
    public long PacketsReceived { get; init; }

    /// <summary>Bytes of those datagrams (UDP payload).</summary>
    public long BytesReceived { get; init; }

    /// <summary>Packets whose samples went into a frame.</summary>
    public long PacketsAccepted { get; init; }

    /// <summary>Datagrams with a correct header prefix whose CRC-32C did not match.</summary>
    public long CrcFailures { get; init; }

    /// <summary>Datagrams that are not data packets (short, bad magic/version/header size) or whose index, count or channel fields are inconsistent.</summary>
    public long Malformed { get; init; }

    /// <summary>Valid packets from another detector or module.</summary>
    public long WrongModule { get; init; }

    /// <summary>Packets that had already arrived for their frame.</summary>
    public long Duplicates { get; init; }

    /// <summary>Packets for a frame already retired (emitted, dropped or timed out).</summary>
    public long LatePackets { get; init; }

    /// <summary>Accepted packets that came after a higher packet index of the same frame (also in <see cref="PacketsAccepted"/>).</summary>
    public long Reordered { get; init; }

    /// <summary>Packets of a new frame refused because <see cref="ModuleReceiverOptions.MaxFramesInFlight"/> frames were already in flight.</summary>
    public long FloodDropped { get; init; }

    /// <summary>Frames emitted with every packet.</summary>
    public long FramesComplete { get; init; }

    /// <summary>Frames emitted with packets missing (<see cref="FrameDiscardPolicy.KeepPartial"/>).</summary>
    public long FramesPartial { get; init; }

    /// <summary>Frames discarded with packets missing (<see cref="FrameDiscardPolicy.DropPartial"/>).</summary>
    public long FramesDropped { get; init; }

    /// <summary>Incomplete frames retired by <see cref="ModuleReceiverOptions.FrameTimeout"/> or the reorder window (also in partial or dropped).</summary>
    public long FramesTimedOut { get; init; }

    /// <summary>Packets missing from partial and dropped frames.</summary>
    public long LostPackets { get; init; }

    /// <summary>Times the frame numbering went back by more than <see cref="ModuleReceiverOptions.RestartThresholdFrames"/> (controller restart).</summary>
    public long Restarts { get; init; }

    /// <summary>Frames being assembled at the moment of the snapshot.</summary>
    public int FramesInFlight { get; init; }

    /// <summary>Most frames ever in flight at once (never above <see cref="ModuleReceiverOptions.MaxFramesInFlight"/>).</summary>
    public int PeakFramesInFlight { get; init; }
}

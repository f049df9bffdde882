namespace DetectorDaq.Receiver;

/// <summary>What a <see cref="ModuleFrameAssembler"/> does with a frame that retires with packets missing.</summary>
/// <remarks>
/// A frame retires when all its packets arrived, when it timed out, when a frame
/// <see cref="ModuleReceiverOptions.ReorderWindowFrames"/> newer arrived, or when the receiver flushes.
/// Whatever the policy, every packet missing from a retired frame counts in <see cref="ReceiverStatistics.LostPackets"/>.
/// A frame number for which no packet at all arrived never exists on the host, so there is no "empty frame" case:
/// the aggregator sees such a frame as a module that skipped it.
/// </remarks>
public enum FrameDiscardPolicy
{
    /// <summary>Emit incomplete frames with the samples of missing packets set to 0 and <see cref="ModuleFrame.Complete"/> false (counted as partial).</summary>
    KeepPartial = 0,

    /// <summary>Emit complete frames only; incomplete frames are discarded and counted as dropped.</summary>
    DropPartial = 1,
}

namespace DetectorDaq.Receiver.Aggregation;

/// <summary>A change in one module's frame sequence.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="ModuleId">The module.</param>
/// <param name="FrameNumber">Detector frame number where it happened (after realignment).</param>
/// <param name="Count">Frame numbers skipped for <see cref="ModuleEventKind.Skipped"/>; otherwise 0.</param>
public sealed record ModuleEvent(ModuleEventKind Kind, int ModuleId, ulong FrameNumber, ulong Count);

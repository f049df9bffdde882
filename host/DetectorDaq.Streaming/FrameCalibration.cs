using DetectorDaq.Frames;

namespace DetectorDaq.Streaming;

/// <summary>
/// Turns the raw codes of <paramref name="frame"/> into calibrated values (for example offset- and
/// gain-corrected, in the unit the caller documents), row-major, one per pixel of
/// <paramref name="destination"/>. Runs on the acquisition thread inside <see cref="IFrameSink.Write"/>:
/// it must not block.
/// </summary>
public delegate void FrameCalibration(DetectorFrame frame, Span<float> destination);

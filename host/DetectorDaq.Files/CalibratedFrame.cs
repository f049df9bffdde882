using DetectorDaq.Frames;

namespace DetectorDaq.Files;

/// <summary>A raw detector frame and its calibrated image (float32, row-major, same geometry), written in one call.</summary>
/// <param name="Raw">The raw frame (codes, metadata).</param>
/// <param name="Calibrated">The calibrated image, one value per pixel.</param>
public readonly record struct CalibratedFrame(DetectorFrame Raw, ReadOnlyMemory<float> Calibrated);

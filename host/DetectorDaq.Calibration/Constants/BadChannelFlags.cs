namespace DetectorDaq.Calibration.Constants;

/// <summary>
/// Why a channel is bad, one bit per reason, in the spirit of European XFEL's bad-pixel mask. A
/// channel with any bit but <see cref="Interpolated"/> set is replaced by interpolation from good
/// neighbours, which then also sets <see cref="Interpolated"/>.
/// </summary>
[Flags]
public enum BadChannelFlags : uint
{
    /// <summary>Good channel.</summary>
    None = 0,

    /// <summary>Dark offset outside the chip's median ± n·σ or outside the hard limits.</summary>
    OffsetOutOfRange = 1 << 0,

    /// <summary>Dark noise outside the chip's median ± n·σ or outside the hard limits.</summary>
    NoiseOutOfRange = 1 << 1,

    /// <summary>No dark frame delivered data for the channel.</summary>
    NoDarkData = 1 << 2,

    /// <summary>Relative gain outside its limits.</summary>
    GainOutOfRange = 1 << 3,

    /// <summary>Response to the flat levels departs from the fitted polynomial by more than the limit.</summary>
    NonlinearResponse = 1 << 4,

    /// <summary>No response to light: flats equal darks.</summary>
    Dead = 1 << 5,

    /// <summary>The same code in every frame, dark or flat.</summary>
    Stuck = 1 << 6,

    /// <summary>Flats at the top of the range.</summary>
    Saturated = 1 << 7,

    /// <summary>A constant is NaN or infinite.</summary>
    ValueNaN = 1 << 8,

    /// <summary>The value was interpolated from neighbours.</summary>
    Interpolated = 1 << 9,
}

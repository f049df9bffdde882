using DetectorDaq.Firmware.Hardware;

namespace DetectorDaq.Hil.Chips.Ads131m08;

/// <summary>
/// The DRDY pin of a <see cref="VirtualAds131m08"/> in level mode (MODE.DRDY_FMT = 0): low from a
/// conversion until a data frame is read.
/// </summary>
public sealed class VirtualDataReadyLine : IDigitalInput
{
    private readonly VirtualAds131m08 _chip;

    internal VirtualDataReadyLine(VirtualAds131m08 chip) => _chip = chip;

    /// <inheritdoc />
    public bool Read() => !_chip.HasUnreadData;

    /// <summary>
    /// True at once while DRDY is low; otherwise waits for a conversion (from
    /// <see cref="VirtualAds131m08.AdvanceTo"/> or <see cref="VirtualAds131m08.Convert"/> on any thread)
    /// and returns false after <paramref name="timeoutMilliseconds"/>.
    /// </summary>
    public bool WaitForLow(int timeoutMilliseconds) => _chip.WaitForData(timeoutMilliseconds);
}

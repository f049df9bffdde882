using DetectorDaq.Firmware.Hardware;

namespace DetectorDaq.Hil.Chips.Ads131m08;

/// <summary>
/// The SYNC/RESET input of a <see cref="VirtualAds131m08"/>, driven by the controller. How long it
/// stays low is measured on the chip's clock (<see cref="VirtualAds131m08.AdvanceTo"/>): at least
/// 2048 CLKIN periods reset the chip, shorter pulses resynchronise it (SBAS950 §8.4.1.2, §8.5.2).
/// </summary>
public sealed class VirtualSyncResetLine : IDigitalOutput
{
    private readonly VirtualAds131m08 _chip;

    internal VirtualSyncResetLine(VirtualAds131m08 chip) => _chip = chip;

    /// <inheritdoc />
    public void Write(bool high) => _chip.DriveSyncReset(high);
}

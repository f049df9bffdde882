using DetectorDaq.Firmware.Control;
using DetectorDaq.Firmware.Net.Units;
using DetectorDaq.Production.Scripts;
using UnitsNet;

namespace DetectorDaq.Production.Devices;

/// <summary>
/// The input range a run configures on a module, and its name in calibration conditions: the
/// controller's default DDC264 range (acquisitions leave it in place), or the ADS131M08's ±1.2 V at gain 1.
/// </summary>
public static class ModuleRange
{
    /// <summary>Full scale of a module with (<paramref name="ddc264"/>) or without a DDC264 chain: a charge or a voltage.</summary>
    public static IQuantity FullScale(bool ddc264) => ddc264
        ? Ddc264Quantities.FullScale(new ControllerConfiguration().Range)
        : ElectricPotential.FromVolts(1.2);

    /// <summary>The range as calibration conditions name it: "150pC" for the DDC264's default, "gain1" for the ADS131M08.</summary>
    public static string Name(bool ddc264) => ddc264 ? Units.Compact(FullScale(true)) : "gain1";
}

using DetectorDaq.Calibration.Chain;
using UnitsNet;

namespace DetectorDaq.Production.Workflow;

/// <summary>The module under test as the phases see it: its layout, its temperature, and frames on demand.</summary>
public interface IDeviceUnderTest : IDisposable
{
    /// <summary>Rows of the module image.</summary>
    int Rows { get; }

    /// <summary>Columns of the module image.</summary>
    int Columns { get; }

    /// <summary>The input (charge or voltage) that <see cref="FullScaleCodes"/> codes stand for; converts codes to physical units.</summary>
    IQuantity FullScale { get; }

    /// <summary>Codes spanning <see cref="FullScale"/> (2²⁰ for the DDC264, 2²³ for the ADS131M08's positive half).</summary>
    double FullScaleCodes { get; }

    /// <summary>Integration (or sample) period, ns.</summary>
    long IntegrationPeriodNanoseconds { get; }

    /// <summary>Range or gain setting, as the chip names it.</summary>
    string Range { get; }

    /// <summary>Integrator sides of the chips: 2 for dual-integrator chips (DDC264), whose constants are per side; otherwise 1.</summary>
    int IntegratorSides { get; }

    /// <summary>
    /// True when the device sets a flat level itself (a simulated source); false when the operator sets the
    /// beam for each level and confirms it, as at a real X-ray station.
    /// </summary>
    bool SetsFlatLevel { get; }

    /// <summary>Reads the board temperature.</summary>
    Temperature ReadTemperature();

    /// <summary>
    /// Acquires <paramref name="frames"/> dark frames: each is one code per module channel with the
    /// integrator side (0 to <see cref="IntegratorSides"/> − 1) that produced it.
    /// </summary>
    IReadOnlyList<SidedFrame> AcquireDarks(int frames, CancellationToken cancellationToken);

    /// <summary>Acquires <paramref name="frames"/> flat frames, as <see cref="AcquireDarks"/>, with the input at <paramref name="level"/> (a current or a voltage).</summary>
    IReadOnlyList<SidedFrame> AcquireFlats(IQuantity level, int frames, CancellationToken cancellationToken);
}

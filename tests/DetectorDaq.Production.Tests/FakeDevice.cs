using DetectorDaq.Calibration.Chain;
using DetectorDaq.Production.Workflow;
using UnitsNet;

namespace DetectorDaq.Production.Tests;

/// <summary>A 2 × 8 dual-integrator module with ideal frames, sides alternating A, B: darks at 1000 codes with ±2 code noise, flats proportional to the level.</summary>
internal sealed class FakeDevice : IDeviceUnderTest
{
    private readonly Random _random = new(7);

    public int Rows => 2;

    public int Columns => 8;

    public IQuantity FullScale => ElectricCharge.FromPicocoulombs(150);

    public double FullScaleCodes => 1 << 20;

    public long IntegrationPeriodNanoseconds => 100_000;

    public string Range => "150pC";

    public int IntegratorSides => 2;

    public bool SetsFlatLevel => true;

    public Temperature ReadTemperature() => Temperature.FromDegreesCelsius(30);

    public IReadOnlyList<SidedFrame> AcquireDarks(int frames, CancellationToken cancellationToken) =>
        Enumerable.Range(0, frames).Select(frame => new SidedFrame(Frame(0), frame % 2)).ToArray();

    public IReadOnlyList<SidedFrame> AcquireFlats(IQuantity level, int frames, CancellationToken cancellationToken) =>
        Enumerable.Range(0, frames).Select(frame => new SidedFrame(Frame(((ElectricCurrent)level).Nanoamperes * 500), frame % 2)).ToArray();

    public void Dispose()
    {
    }

    private int[] Frame(double signal) =>
        Enumerable.Range(0, Rows * Columns).Select(_ => (int)(1000 + signal + _random.Next(-2, 3))).ToArray();
}

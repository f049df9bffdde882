using DetectorDaq.Production.Workflow;
using UnitsNet;

namespace DetectorDaq.Production.Tests;

/// <summary>A 2 × 8 module with ideal frames: darks at 1000 codes with ±2 code noise, flats proportional to the level.</summary>
internal sealed class FakeDevice : IDeviceUnderTest
{
    private readonly Random _random = new(7);

    public int Rows => 2;

    public int Columns => 8;

    public IQuantity FullScale => ElectricCharge.FromPicocoulombs(150);

    public double FullScaleCodes => 1 << 20;

    public long IntegrationPeriodNanoseconds => 100_000;

    public string Range => "150pC";

    public Temperature ReadTemperature() => Temperature.FromDegreesCelsius(30);

    public IReadOnlyList<int[]> AcquireDarks(int frames, CancellationToken cancellationToken) =>
        Enumerable.Range(0, frames).Select(_ => Frame(0)).ToArray();

    public IReadOnlyList<int[]> AcquireFlats(IQuantity level, int frames, CancellationToken cancellationToken) =>
        Enumerable.Range(0, frames).Select(_ => Frame(((ElectricCurrent)level).Nanoamperes * 500)).ToArray();

    public void Dispose()
    {
    }

    private int[] Frame(double signal) =>
        Enumerable.Range(0, Rows * Columns).Select(_ => (int)(1000 + signal + _random.Next(-2, 3))).ToArray();
}

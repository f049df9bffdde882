using System.Net;
using DetectorDaq.Acquisition;
using DetectorDaq.Calibration.Chain;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Frames;
using DetectorDaq.Host.Board;
using DetectorDaq.Host.Control;
using DetectorDaq.Production.Scripts;
using DetectorDaq.Production.Simulation;
using DetectorDaq.Production.Workflow;
using DetectorDaq.Receiver.Topology;
using UnitsNet;

namespace DetectorDaq.Production.Devices;

/// <summary>
/// The module under test on real controllers: the one module of a detector topology
/// (<c>detector.yaml</c>), read over the control protocol for housekeeping and acquired through the
/// host's acquisition path (run control, UDP receiver, NeXus file) for darks and flats. The beam is the
/// operator's: flat levels are set by hand and confirmed (<see cref="SetsFlatLevel"/> is false).
/// </summary>
public sealed class ControllerModule : IDeviceUnderTest
{
    private readonly DetectorTopology _topology;
    private readonly ControllerClient _client;
    private readonly string _scratch;
    private readonly bool _ddc264;
    private int _acquisitions;

    private ControllerModule(DetectorTopology topology, bool ddc264, long integrationPeriodNanoseconds, ControllerClient client, string scratchDirectory)
    {
        _topology = topology;
        _ddc264 = ddc264;
        _client = client;
        _scratch = scratchDirectory;
        IntegrationPeriodNanoseconds = integrationPeriodNanoseconds;
        var module = topology.Modules[0].Geometry;
        Rows = module.Rows;
        Columns = module.Columns;
        FullScale = ModuleRange.FullScale(ddc264);
    }

    /// <summary>Connects to the controller of the single module of <paramref name="topology"/> for a run of <paramref name="script"/>.</summary>
    /// <exception cref="ArgumentException">The topology has more than one module, or its chips are not the script's DUT.</exception>
    /// <exception cref="ControllerUnreachableException">The controller does not answer.</exception>
    public static ControllerModule Connect(DetectorTopology topology, ProductionScript script, string scratchDirectory, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(script);
        if (topology.Modules.Count != 1)
        {
            throw new ArgumentException($"the detector has {topology.Modules.Count} modules; a production run calibrates one module, so its topology must name exactly one");
        }

        var module = topology.Modules[0];
        var ddc264 = module.Chips.Where(chip => chip.Kind == ChipKind.Ddc264).Sum(chip => chip.Count);
        var (expected, period) = script.Dut == DutKind.Ddc264
            ? (DutParameters.Chips(script.DutParameters, script.SourcePath, 0), (long)DutParameters.Integration(script.DutParameters, script.SourcePath, 0).TotalNanoseconds)
            : (0, SimulatedModules.Ads131m08SamplePeriodNanoseconds);
        if (ddc264 != expected)
        {
            throw new ArgumentException($"module {module.ModuleId} has {ddc264} DDC264 chips, the script's {script.Dut.ToString().ToLowerInvariant()} DUT needs {expected}");
        }

        Directory.CreateDirectory(scratchDirectory);
        var client = ControllerClient.ConnectAsync(new DnsEndPoint(module.ControllerHost, module.ControllerPort), timeout).GetAwaiter().GetResult();
        return new ControllerModule(topology, ddc264 > 0, period, client, scratchDirectory);
    }

    /// <inheritdoc/>
    public int Rows { get; }

    /// <inheritdoc/>
    public int Columns { get; }

    /// <inheritdoc/>
    public IQuantity FullScale { get; }

    /// <inheritdoc/>
    public double FullScaleCodes => _ddc264 ? 1 << 20 : 1 << 23;

    /// <inheritdoc/>
    public long IntegrationPeriodNanoseconds { get; }

    /// <inheritdoc/>
    public string Range => ModuleRange.Name(_ddc264);

    /// <inheritdoc/>
    public int IntegratorSides => _ddc264 ? 2 : 1;

    /// <inheritdoc/>
    public bool SetsFlatLevel => false;

    /// <inheritdoc/>
    public Temperature ReadTemperature() =>
        Temperature.FromDegreesCelsius(new BoardService(_client).Housekeeping().BoardTemperatureMilliCelsius / 1000.0);

    /// <inheritdoc/>
    public IReadOnlyList<SidedFrame> AcquireDarks(int frames, CancellationToken cancellationToken) => Acquire(ImageKey.Dark, frames, cancellationToken);

    /// <inheritdoc/>
    public IReadOnlyList<SidedFrame> AcquireFlats(IQuantity level, int frames, CancellationToken cancellationToken) => Acquire(ImageKey.Flat, frames, cancellationToken);

    /// <inheritdoc/>
    public void Dispose() => _client.Dispose();

    private SidedFrame[] Acquire(ImageKey key, int frames, CancellationToken cancellationToken)
    {
        var options = new AcquisitionOptions { OutputPath = Path.Combine(_scratch, $"acquisition-{++_acquisitions:D3}.nxs"), FlatField = false, DiscardPolicy = AcquiredFrames.DiscardPolicy };
        var summary = AcquisitionSession.Run(_topology, AcquiredFrames.Plan(key, frames, IntegrationPeriodNanoseconds), options, cancellationToken);
        return AcquiredFrames.Read(summary, key, frames, IntegratorSides);
    }
}

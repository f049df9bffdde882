using System.Net;
using DetectorDaq.Acquisition;
using DetectorDaq.Calibration.Chain;
using DetectorDaq.Files;
using DetectorDaq.Hil.Chips.Ddc264;
using DetectorDaq.Frames;
using DetectorDaq.Hil.Controller;
using DetectorDaq.Hil.Recordings;
using DetectorDaq.Hil.Runner;
using DetectorDaq.Host.Board;
using DetectorDaq.Host.Control;
using DetectorDaq.Production.Devices;
using DetectorDaq.Production.Workflow;
using UnitsNet;

namespace DetectorDaq.Production.Simulation;

/// <summary>
/// A module under test made of HIL parts: a <see cref="SimulatedController"/> answers housekeeping
/// (board temperature) over the real control protocol, and every acquisition replays a recording of
/// constant input levels — dark current or a flat level per acquisition — through
/// <see cref="ReplayService"/> (simulated controllers, loopback UDP, the host receiver, a NeXus file),
/// whose frames are then read back from the file with the integrator side the file records for each
/// (the DDC264 alternates sides every conversion). A DDC264 module has the chips of a
/// <see cref="TypicalDdc264Module"/> drawn from its serial number (pedestal and gain spread, datasheet
/// noise, a small side-B mismatch), so one serial number always gives the same module.
/// </summary>
public sealed class SimulatedModule : IDeviceUnderTest
{
    private readonly SimulatedController _housekeepingController;
    private readonly ControllerClient _client;
    private readonly bool _currentInput;
    private readonly string _scratch;
    private readonly Ddc264ModuleModel _model;
    private int _acquisitions;

    /// <summary>A simulated module of <paramref name="columns"/> channels in one row.</summary>
    /// <param name="currentInput">True for a DDC264 chain (columns a multiple of 64, up to 1024), false for an ADS131M08 (8 columns).</param>
    /// <param name="columns">Channels of the module.</param>
    /// <param name="integrationPeriodNanoseconds">Integration period of the DDC264, ns (the ADS131M08 plays at its own rate).</param>
    /// <param name="serialNumber">Serial number the controller reports.</param>
    /// <param name="scratchDirectory">Folder for the acquisitions' NeXus files.</param>
    public SimulatedModule(bool currentInput, int columns, long integrationPeriodNanoseconds, string serialNumber, string scratchDirectory)
    {
        _currentInput = currentInput;
        Columns = columns;
        IntegrationPeriodNanoseconds = integrationPeriodNanoseconds;
        _scratch = scratchDirectory;
        Directory.CreateDirectory(scratchDirectory);
        _model = currentInput ? TypicalDdc264Module.Create(columns, TypicalDdc264Module.SeedFor(serialNumber)) : Ddc264ModuleModel.Ideal;
        _housekeepingController = new SimulatedController(new SimulatedControllerOptions(Ddc264Chips: currentInput ? columns / 64 : 0, SerialNumber: serialNumber));
        var endpoint = _housekeepingController.ControlEndpoint;
        _client = ControllerClient.ConnectAsync(new DnsEndPoint(endpoint.Address.ToString(), endpoint.Port), TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();
        // The DDC264's range is what the firmware configures when a run starts; it is read from the
        // chips of every acquisition (150 pC until the first one).
        FullScale = currentInput ? ElectricCharge.FromPicocoulombs(150) : ElectricPotential.FromVolts(1.2);
    }

    /// <inheritdoc/>
    public int Rows => 1;

    /// <inheritdoc/>
    public int Columns { get; }

    /// <inheritdoc/>
    public IQuantity FullScale { get; private set; }

    /// <inheritdoc/>
    public double FullScaleCodes => _currentInput ? 1 << 20 : 1 << 23;

    /// <inheritdoc/>
    public long IntegrationPeriodNanoseconds { get; }

    /// <summary>
    /// Per-channel defects of the DDC264 chain, used by every acquisition's chips from its first frame:
    /// the typical module's pedestal and gain spread, to which dead, stuck, noisy or nonlinear channels
    /// may be added. Null for an ADS131M08 module.
    /// </summary>
    public ChannelDefects? Defects => _model.Defects;

    /// <inheritdoc/>
    public string Range => _currentInput ? Scripts.Units.Compact(FullScale) : "gain1";

    /// <inheritdoc/>
    public int IntegratorSides => _currentInput ? 2 : 1;

    /// <inheritdoc/>
    public bool SetsFlatLevel => true;

    /// <inheritdoc/>
    public Temperature ReadTemperature() =>
        Temperature.FromDegreesCelsius(new BoardService(_client).Housekeeping().BoardTemperatureMilliCelsius / 1000.0);

    /// <inheritdoc/>
    public IReadOnlyList<SidedFrame> AcquireDarks(int frames, CancellationToken cancellationToken) =>
        Acquire(ImageKey.Dark, _currentInput ? PhantomRecording.DarkCurrent.Amperes : 0.0, frames, cancellationToken);

    /// <inheritdoc/>
    public IReadOnlyList<SidedFrame> AcquireFlats(IQuantity level, int frames, CancellationToken cancellationToken)
    {
        var value = (_currentInput, level) switch
        {
            (true, ElectricCurrent current) => (current + PhantomRecording.DarkCurrent).Amperes,
            (false, ElectricPotential voltage) => voltage.Volts,
            _ => throw new ArgumentException($"flat level {level} does not drive a {(_currentInput ? "current" : "voltage")} input"),
        };
        return Acquire(ImageKey.Flat, value, frames, cancellationToken);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _client.Dispose();
        _housekeepingController.Dispose();
    }

    // The chips know their full scale once the run configured their range.
    private void Started(SimulatedController controller)
    {
        if (controller.Fpga is { } fpga)
        {
            FullScale = fpga.Chips[0].FullScale;
        }
    }

    private SidedFrame[] Acquire(ImageKey key, double level, int frames, CancellationToken cancellationToken)
    {
        var keys = AcquiredFrames.Keys(key, frames);
        var samples = keys.Length;
        var signal = new double[samples * Columns];
        Array.Fill(signal, level);
        var recording = new Recording(_currentInput ? RecordingKind.Current : RecordingKind.Voltage, IntegrationPeriodNanoseconds, 1, Columns, signal, keys, source: $"production:{key}");
        var path = Path.Combine(_scratch, $"acquisition-{++_acquisitions:D3}.nxs");
        var summary = ReplayService.Run(new ReplayRequest(recording, 1, new AcquisitionOptions { OutputPath = path, FlatField = false, DiscardPolicy = AcquiredFrames.DiscardPolicy })
        {
            Ddc264Models = _ => _model.ForRun(_acquisitions),
            Started = controllers => Started(controllers[0]),
        }, cancellationToken);
        return AcquiredFrames.Read(summary, key, frames, IntegratorSides);
    }
}

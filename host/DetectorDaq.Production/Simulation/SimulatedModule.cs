using System.Net;
using DetectorDaq.Acquisition;
using DetectorDaq.Files;
using DetectorDaq.Hil.Chips.Ddc264;
using DetectorDaq.Frames;
using DetectorDaq.Hil.Controller;
using DetectorDaq.Hil.Recordings;
using DetectorDaq.Hil.Runner;
using DetectorDaq.Host.Board;
using DetectorDaq.Host.Control;
using DetectorDaq.Production.Workflow;
using UnitsNet;

namespace DetectorDaq.Production.Simulation;

/// <summary>
/// A module under test made of HIL parts: a <see cref="SimulatedController"/> answers housekeeping
/// (board temperature) over the real control protocol, and every acquisition replays a recording of
/// constant input levels — dark current or a flat level per acquisition — through
/// <see cref="ReplayService"/> (simulated controllers, loopback UDP, the host receiver, a NeXus file),
/// whose frames are then read back from the file.
/// </summary>
/// <remarks>
/// The DDC264's two integrator sides are not told apart: the NeXus file does not record the side, so
/// frames are handed on as one side.
/// </remarks>
public sealed class SimulatedModule : IDeviceUnderTest
{
    private readonly SimulatedController _housekeepingController;
    private readonly ControllerClient _client;
    private readonly bool _currentInput;
    private readonly string _scratch;
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
    /// Per-channel defects (dead, stuck, noisy, nonlinear channels) of the DDC264 chain, applied to every
    /// acquisition's chips before it starts; null for ideal chips. Ignored for an ADS131M08 module.
    /// </summary>
    public ChannelDefects? Defects { get; set; }

    /// <inheritdoc/>
    public string Range => _currentInput ? $"{FullScale.Value}{Scripts.Units.Abbreviation(FullScale)}" : "gain1";

    /// <inheritdoc/>
    public Temperature ReadTemperature() =>
        Temperature.FromDegreesCelsius(new BoardService(_client).Housekeeping().BoardTemperatureMilliCelsius / 1000.0);

    /// <inheritdoc/>
    public IReadOnlyList<int[]> AcquireDarks(int frames, CancellationToken cancellationToken) =>
        Acquire(ImageKey.Dark, _currentInput ? PhantomRecording.DarkCurrent.Amperes : 0.0, frames, cancellationToken);

    /// <inheritdoc/>
    public IReadOnlyList<int[]> AcquireFlats(IQuantity level, int frames, CancellationToken cancellationToken)
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

    // Defects go in before the run, so the first dark frame has them.
    private void Prepare(SimulatedController controller)
    {
        foreach (var chip in controller.Fpga?.Chips ?? [])
        {
            chip.Defects = Defects;
        }
    }

    // The chips know their full scale once the run configured their range.
    private void Started(SimulatedController controller)
    {
        if (controller.Fpga is { } fpga)
        {
            FullScale = fpga.Chips[0].FullScale;
        }
    }

    private int[][] Acquire(ImageKey key, double level, int frames, CancellationToken cancellationToken)
    {
        // One trailing projection: the NeXus reader recognises a scan by its projections.
        var samples = frames + 1;
        var signal = new double[samples * Columns];
        Array.Fill(signal, level);
        var keys = Enumerable.Repeat(key, frames).Append(ImageKey.Projection).ToArray();
        var recording = new Recording(_currentInput ? RecordingKind.Current : RecordingKind.Voltage, IntegrationPeriodNanoseconds, 1, Columns, signal, keys, source: $"production:{key}");
        var path = Path.Combine(_scratch, $"acquisition-{++_acquisitions:D3}.nxs");
        var summary = ReplayService.Run(new ReplayRequest(recording, 1, new AcquisitionOptions { OutputPath = path, FlatField = false })
        {
            Prepared = controllers => Prepare(controllers[0]),
            Started = controllers => Started(controllers[0]),
        }, cancellationToken);
        if (summary.FaultReason is not null)
        {
            throw new InvalidOperationException($"acquisition of {frames} {key} frames failed: {summary.FaultReason}");
        }

        using var file = TomographyFile.Open(path);
        var series = key == ImageKey.Dark ? file.Darks : file.Flats;
        if (series.Count < frames)
        {
            throw new InvalidOperationException($"acquisition delivered {series.Count} of {frames} {key} frames");
        }

        var values = new float[frames * series.PixelCount];
        series.Read(0, frames, values);
        return Enumerable.Range(0, frames)
            .Select(frame => values.AsSpan(frame * series.PixelCount, series.PixelCount).ToArray().Select(value => (int)MathF.Round(value)).ToArray())
            .ToArray();
    }
}

using System.Net;
using DetectorDaq.Firmware.Control;
using DetectorDaq.Firmware.Controller;
using DetectorDaq.Firmware.Fpga;
using DetectorDaq.Firmware.Net.Board;
using DetectorDaq.Firmware.Net.Network;
using DetectorDaq.Hil.Chips;
using DetectorDaq.Hil.Chips.Ads131m08;
using DetectorDaq.Hil.Fpga;
using AdsDriver = DetectorDaq.Firmware.Ads131m08.Ads131m08;

namespace DetectorDaq.Hil.Controller;

/// <summary>
/// A controller made of the real firmware core on virtual chips: a virtual ADS131M08 and a virtual
/// FPGA with a DDC264 chain, reached through the same drivers, dispatcher and state machine as a
/// real board, serving the control protocol on TCP and streaming data over UDP. A pump thread moves
/// the virtual chips' time along with the wall clock, so conversions arrive at their real rates.
/// </summary>
public sealed class SimulatedController : IDisposable
{
    /// <summary>Firmware version reported by simulated controllers.</summary>
    public const string FirmwareVersion = "0.1.0";

    private readonly StopwatchClock _clock = new();
    private readonly ControllerBoard _board;
    private readonly UdpDataLinkFactory _dataLinks = new();
    private readonly ControlServer _server;
    private readonly Thread _pump;
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Builds the board, injects <see cref="SimulatedControllerOptions.Fault"/> and starts serving.</summary>
    /// <exception cref="System.Net.Sockets.SocketException">The control port cannot be bound.</exception>
    public SimulatedController(SimulatedControllerOptions options)
    {
        Options = options;
        var channels = options.Ddc264Chips * FifoFrameFormatChannels;
        Ads131m08 = new VirtualAds131m08(options.Ads131m08Signal ?? SimulatedSignals.Sines);
        // Without DDC264 chips the board has no FPGA either: an ADS131M08-only controller.
        var model = options.Ddc264Model;
        Fpga = options.Ddc264Chips > 0 ? new VirtualFpga(options.Ddc264Chips, options.Ddc264Signal ?? SimulatedSignals.RotatingCylinder(channels), model.SideA, model.SideB) : null;
        if (Fpga is not null && model.Defects is { } defects)
        {
            Fpga.Defects = defects.ChannelCount == channels
                ? defects
                : throw new ArgumentException($"the DDC264 model's defects cover {defects.ChannelCount} channels, the chain has {channels}");
        }

        InjectFault(options.Fault);

        var ads = new AdsDriver(new SpiDeviceBus(Ads131m08), Ads131m08.DataReady, Ads131m08.SyncReset, _clock);
        var fpga = Fpga is null ? null : new FpgaLink(new SpiDeviceBus(Fpga));
        var identity = new BoardIdentity(FirmwareVersion, Fpga is null ? "hil-ads131m08" : "hil-ads131m08-ddc264", options.SerialNumber);
        _board = new ControllerBoard(identity, _clock, new SimulatedTemperature(_clock), ads, fpga, options.Ddc264Chips);
        StateMachine = new ControllerStateMachine();
        Backend = new AcquisitionController(_board, _dataLinks, StateMachine);
        _pump = new Thread(Pump) { IsBackground = true, Name = "hil-time" };
        _pump.Start();
        _server = new ControlServer(new IPEndPoint(options.BindAddress, options.Port), new ControlDispatcher(Backend, StateMachine));
    }

    /// <summary>The options the controller was built with.</summary>
    public SimulatedControllerOptions Options { get; }

    /// <summary>Where the control server listens.</summary>
    public IPEndPoint ControlEndpoint => _server.LocalEndpoint;

    /// <summary>The virtual ADS131M08 (for injecting faults while running).</summary>
    public VirtualAds131m08 Ads131m08 { get; }

    /// <summary>The virtual FPGA and its DDC264 chain, or null for an ADS131M08-only board.</summary>
    public VirtualFpga? Fpga { get; }

    /// <summary>The controller's state machine.</summary>
    public ControllerStateMachine StateMachine { get; }

    /// <summary>The firmware backend running on the virtual board.</summary>
    public AcquisitionController Backend { get; }

    private static int FifoFrameFormatChannels => Firmware.Interfaces.FifoFrameFormat.ChannelsPerChip;

    /// <inheritdoc/>
    public void Dispose()
    {
        _server.Dispose();
        Backend.Stop();
        _stopping.Cancel();
        _pump.Join();
        _board.Dispose();
        _dataLinks.Dispose();
        _stopping.Dispose();
    }

    private void InjectFault(HilFault fault)
    {
        switch (fault)
        {
            case HilFault.ChipNotAnswering:
                Ads131m08.MisoFault = MisoFault.StuckHigh;
                break;
            case HilFault.BadCrc:
                Ads131m08.CorruptOutputCrc = true;
                break;
            case HilFault.FpgaNotAnswering:
                RequireFpga(fault).MisoFault = MisoFault.StuckLow;
                break;
            case HilFault.Ddc264NotAnswering:
                RequireFpga(fault).Chips[^1].NotAnswering = true;
                break;
            case HilFault.ReadbackMismatch:
                // The TEST bit: a flip that leaves the read-back length intact, so only the word differs.
                RequireFpga(fault).Chips[^1].ConfigurationCorruption = 0x0001;
                break;
        }
    }

    private VirtualFpga RequireFpga(HilFault fault) =>
        Fpga ?? throw new ArgumentException($"fault {HilFaultNames.NameOf(fault)} needs a board with DDC264 chips");

    private void Pump()
    {
        while (!_stopping.IsCancellationRequested)
        {
            var now = _clock.NowNanoseconds;
            Ads131m08.AdvanceTo(now);
            Fpga?.AdvanceTo(now);
            _stopping.Token.WaitHandle.WaitOne(1);
        }
    }
}

using System.Net;
using System.Net.Sockets;
using DetectorDaq.Controller.Linux.Hardware;
using DetectorDaq.Firmware.Control;
using DetectorDaq.Firmware.Controller;
using DetectorDaq.Firmware.Net.Network;

namespace DetectorDaq.Controller.Linux;

/// <summary>A running controller: the board, its firmware backend and the control server. Dispose to stop.</summary>
public sealed class LinuxController : IDisposable
{
    private readonly IBoardHardware _hardware;
    private readonly ControllerBoard _board;
    private readonly UdpDataLinkFactory _dataLinks = new();
    private readonly ControlServer _server;

    internal LinuxController(IBoardHardware hardware, ControllerBoard board, IPEndPoint endpoint)
    {
        _hardware = hardware;
        _board = board;
        StateMachine = new ControllerStateMachine();
        Backend = new AcquisitionController(board, _dataLinks, StateMachine);
        try
        {
            _server = new ControlServer(endpoint, new ControlDispatcher(Backend, StateMachine));
        }
        catch (SocketException exception)
        {
            _dataLinks.Dispose();
            throw LinuxBoardBuilder.PortUnavailable(endpoint.Port, exception);
        }
    }

    /// <summary>Where the control server listens.</summary>
    public IPEndPoint ControlEndpoint => _server.LocalEndpoint;

    /// <summary>The controller's state machine.</summary>
    public ControllerStateMachine StateMachine { get; }

    /// <summary>The firmware backend running on the board.</summary>
    public AcquisitionController Backend { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        _server.Dispose();
        Backend.Stop();
        _board.Dispose();
        _dataLinks.Dispose();
        _hardware.Dispose();
    }
}

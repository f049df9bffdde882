using System.Diagnostics;
using System.Net;
using DetectorDaq.Firmware.Control;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Hil.Controller;
using DetectorDaq.Host.Board;
using DetectorDaq.Host.Control;

namespace DetectorDaq.Hil.Tests;

/// <summary>A simulated controller on loopback with a connected host client and board service.</summary>
internal sealed class HilSession : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public HilSession(SimulatedControllerOptions options)
    {
        Controller = new SimulatedController(options);
        try
        {
            Client = Connect();
        }
        catch
        {
            Controller.Dispose();
            throw;
        }

        Board = new BoardService(Client);
    }

    public SimulatedController Controller { get; }

    public ControllerClient Client { get; }

    public BoardService Board { get; }

    public ControllerClient Connect() =>
        ControllerClient.ConnectAsync(new DnsEndPoint("127.0.0.1", Controller.ControlEndpoint.Port), Timeout).GetAwaiter().GetResult();

    /// <summary>A configuration streaming to <paramref name="port"/> on loopback: 20-bit Packed20 at 100 µs.</summary>
    public static ControllerConfiguration Configuration(int port, byte chainLength, TestPatternMode pattern, ulong frames, ushort mtu = 1500, uint integrationPeriodNs = 100_000)
    {
        var configuration = new ControllerConfiguration
        {
            DetectorId = 7,
            ModuleId = 3,
            DestinationPort = (ushort)port,
            Mtu = mtu,
            IntegrationPeriodNs = integrationPeriodNs,
            FramesToAcquire = frames,
            Encoding = SampleEncoding.Packed20,
            ChainLength = chainLength,
            Range = Ddc264Range.Range150PicoCoulomb,
            Format = Ddc264Format.Bits20,
            TestPattern = pattern,
        };
        IPAddress.Loopback.GetAddressBytes().CopyTo(configuration.DestinationAddress, 0);
        return configuration;
    }

    public ControlResponse Send(ControlCommand command, ControllerConfiguration configuration)
    {
        var payload = new byte[ControllerConfiguration.Size];
        configuration.WriteTo(payload, 0);
        return Client.Send(command, payload);
    }

    /// <summary>Configure, Arm and Start, each required to succeed.</summary>
    public void StartRun(ControllerConfiguration configuration)
    {
        Require(Send(ControlCommand.Configure, configuration));
        Require(Client.Send(ControlCommand.Arm));
        Require(Client.Send(ControlCommand.Start));
    }

    /// <summary>Polls housekeeping until the state is <paramref name="state"/>; returns the last record read.</summary>
    public Housekeeping WaitForState(ControllerState state, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var housekeeping = Board.Housekeeping();
        while (housekeeping.State != state && clock.Elapsed < timeout)
        {
            Thread.Sleep(10);
            housekeeping = Board.Housekeeping();
        }

        return housekeeping;
    }

    public void Dispose()
    {
        Client.Dispose();
        Controller.Dispose();
    }

    private static void Require(ControlResponse response)
    {
        if (!response.IsOk)
        {
            throw new AssertionException($"{response.Command} refused: {response.Status}: {response.Reason()}");
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DetectorDaq.Firmware.Control;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Hil.Controller;
using DetectorDaq.Host.Control;
using DetectorDaq.Host.RunControl;

namespace DetectorDaq.Host.Tests;

public sealed class RunControlTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Test]
    public void FiniteRun_OnTwoModules_GoesConfiguredArmedRunningAndBackWhenBothFinish()
    {
        using var rig = new Rig(2);
        var run = rig.RunControl;

        run.Configure(module => rig.Configuration(frames: 20));
        run.Arm();
        run.Start();
        var states = new List<RunState> { run.State };
        WaitUntil(run.Poll);
        states.Add(run.State);

        Assert.That(states, Is.EqualTo(new[] { RunState.Running, RunState.Configured }));
        Assert.That(run.Modules.Select(m => m.Mirror.State), Is.All.EqualTo(ControllerState.Configured));
        Assert.That(rig.DatagramsReceived(), Is.GreaterThanOrEqualTo(2 * 20));
    }

    [Test]
    public void Stop_EndsAnEndlessRun()
    {
        using var rig = new Rig(1);
        var run = rig.RunControl;
        run.Configure(module => rig.Configuration(frames: 0));
        run.Arm();
        run.Start();

        run.Stop();

        Assert.That(run.State, Is.EqualTo(RunState.Configured));
        Assert.That(run.Poll(), Is.True);
    }

    [Test]
    public void ChipThatStopsAnswering_PutsTheRunInFaultNamingTheModule_AndRecoverResetsIt()
    {
        using var rig = new Rig(2);
        var run = rig.RunControl;
        run.Configure(module => rig.Configuration(frames: 0));
        run.Arm();
        run.Start();

        rig.Controllers[1].Fpga!.Chips[0].NotAnswering = true;
        var failure = WaitForFailure(run);

        Assert.That(run.State, Is.EqualTo(RunState.Fault));
        Assert.That(failure.Message, Does.Contain("module 1").And.Contain("not answering"));
        Assert.Throws<RunControlException>(run.Arm);

        rig.Controllers[1].Fpga!.Chips[0].NotAnswering = false;
        run.Recover();
        Assert.That(run.State, Is.EqualTo(RunState.Idle));
        Assert.That(run.Modules.Select(m => m.Mirror.State), Is.All.EqualTo(ControllerState.Idle));
    }

    [Test]
    public void ConfigurationAControllerRefuses_FaultsTheRunWithTheControllersReason()
    {
        using var rig = new Rig(1);
        var configuration = rig.Configuration(frames: 1);
        configuration.ChainLength = 9;

        var failure = Assert.Throws<RunControlException>(() => rig.RunControl.Configure(_ => configuration));

        Assert.That(failure!.Message, Does.Contain("module 0").And.Contain("refused Configure").And.Contain("chain length 9"));
        Assert.That(rig.RunControl.State, Is.EqualTo(RunState.Fault));
    }

    [Test]
    public void StartBeforeArm_IsRefusedWithoutTouchingTheControllers()
    {
        using var rig = new Rig(1);

        Assert.Throws<RunControlException>(rig.RunControl.Start);
        Assert.That(rig.RunControl.State, Is.EqualTo(RunState.Idle));
    }

    [Test]
    public void RunControlDoc_ShowsTheCurrentGraph()
    {
        var expected = StateMachineDocs.RunControl(new DetectorRunControl([]).ToMermaid());

        DocFile.AssertCurrent(Path.Combine("docs", "state-machines", "run-control.md"), expected);
    }

    private static void WaitUntil(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.That(clock.Elapsed, Is.LessThan(Timeout), "timed out");
            Thread.Sleep(10);
        }
    }

    private static RunControlException WaitForFailure(DetectorRunControl run)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Timeout)
        {
            try
            {
                run.Poll();
            }
            catch (RunControlException exception)
            {
                return exception;
            }

            Thread.Sleep(10);
        }

        throw new AssertionException("the run did not fault");
    }

    private sealed class Rig : IDisposable
    {
        private readonly Socket _data = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 8 << 20 };
        private readonly List<ControllerClient> _clients = [];

        public Rig(int modules)
        {
            _data.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            Controllers = Enumerable.Range(0, modules).Select(m => new SimulatedController(new SimulatedControllerOptions(Ddc264Chips: 2, SerialNumber: $"HIL-{m}"))).ToArray();
            var links = Controllers.Select((controller, m) =>
            {
                var client = ControllerClient.ConnectAsync(new DnsEndPoint("127.0.0.1", controller.ControlEndpoint.Port), Timeout).GetAwaiter().GetResult();
                _clients.Add(client);
                return new ModuleLink(m, $"127.0.0.1:{controller.ControlEndpoint.Port}", client);
            }).ToArray();
            RunControl = new DetectorRunControl(links);
        }

        public SimulatedController[] Controllers { get; }

        public DetectorRunControl RunControl { get; }

        public ControllerConfiguration Configuration(ulong frames)
        {
            var configuration = new ControllerConfiguration
            {
                DestinationPort = (ushort)((IPEndPoint)_data.LocalEndPoint!).Port,
                IntegrationPeriodNs = 200_000,
                FramesToAcquire = frames,
                Encoding = SampleEncoding.Packed20,
                ChainLength = 2,
            };
            IPAddress.Loopback.GetAddressBytes().CopyTo(configuration.DestinationAddress, 0);
            return configuration;
        }

        public int DatagramsReceived()
        {
            var buffer = new byte[9000];
            var count = 0;
            while (_data.Available > 0)
            {
                _data.Receive(buffer);
                count++;
            }

            return count;
        }

        public void Dispose()
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }

            foreach (var controller in Controllers)
            {
                controller.Dispose();
            }

            _data.Dispose();
        }
    }
}

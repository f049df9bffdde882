using System.Diagnostics;
using System.Globalization;
using System.Net;
using DetectorDaq.Acquisition;
using DetectorDaq.Files;
using DetectorDaq.Firmware.Framing;
using DetectorDaq.Firmware.Hardware;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Hil.Chips.Ddc264;
using DetectorDaq.Hil.Controller;
using DetectorDaq.Hil.Recordings;
using DetectorDaq.Hil.Scenarios;

namespace DetectorDaq.Hil.Runner;

/// <summary>
/// Plays a <see cref="Scenario"/>: replays its recording through simulated controllers into the real
/// host, routing each impaired module's data through a <see cref="UdpImpairmentProxy"/> and injecting
/// controller faults on time, then checks the scenario's expectations against what the host reported
/// and what the proxies and injections actually did. Scenarios with channel defects or calibration
/// expectations run on <see cref="TypicalDdc264Module"/>s and are checked by <see cref="CalibrationCheck"/>.
/// </summary>
public static class ScenarioRunner
{
    private const ushort Mtu = 9000;

    /// <summary>Runs <paramref name="scenario"/>, writing its NeXus file into <paramref name="outputDirectory"/>.</summary>
    public static ScenarioResult Run(Scenario scenario, string outputDirectory)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var proxies = new Dictionary<int, UdpImpairmentProxy>();
        var measurements = new Dictionary<string, double>();
        try
        {
            var unsupported = scenario.Injections.FirstOrDefault(i => i.Kind is InjectionKind.ControllerRestart or InjectionKind.CrcErrors or InjectionKind.ClockDrift);
            if (unsupported is not null)
            {
                return Failed(scenario, started, clock, measurements, $"injection '{InjectionKindNames.NameOf(unsupported.Kind)}' (line {unsupported.Line}) is not supported by this runner");
            }

            var recording = LoadRecording(scenario);
            var output = Path.Combine(outputDirectory, scenario.Name + ".nxs");
            var timers = new List<Timer>();
            var channelsPerModule = recording.ChannelCount / scenario.Topology.Modules;
            var request = new ReplayRequest(recording, scenario.Topology.Modules, new AcquisitionOptions
            {
                OutputPath = output,
                Mtu = Mtu,
                StallTimeout = TimeSpan.FromSeconds(3),
                DataRoute = (module, receiver) => Route(scenario, module, receiver, proxies),
            })
            {
                Started = controllers => timers.AddRange(ScheduleFaults(scenario, controllers, proxies)),
                Ddc264Models = scenario.UsesRealisticChips ? module => RealisticModule(scenario, module, channelsPerModule) : null,
            };

            AcquisitionSummary summary;
            try
            {
                summary = ReplayService.Run(request);
            }
            finally
            {
                timers.ForEach(timer => timer.Dispose());
            }

            var expectations = Evaluate(scenario, summary, recording, proxies, measurements);
            return new ScenarioResult(scenario.Name, started, clock.Elapsed, expectations, measurements);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return Failed(scenario, started, clock, measurements, exception.Message);
        }
        finally
        {
            foreach (var proxy in proxies.Values)
            {
                proxy.Dispose();
            }
        }
    }

    private static ScenarioResult Failed(Scenario scenario, DateTimeOffset started, Stopwatch clock, Dictionary<string, double> measurements, string error)
    {
        // A crash is a failed expectation only where the scenario asked for none; the error is reported either way.
        var expectations = scenario.Expectations.NoCrash ? new[] { new ExpectationResult("no_crash", false, error) } : [];
        return new ScenarioResult(scenario.Name, started, clock.Elapsed, expectations, measurements, error);
    }

    private static Recording LoadRecording(Scenario scenario)
    {
        var frames = (int)(scenario.Frames ?? 1000);
        var periodNanoseconds = (long)scenario.IntegrationPeriod.TotalNanoseconds;
        if (scenario.UsesBuiltinRecording)
        {
            var rows = scenario.Topology.Rows ?? 1;
            var columns = scenario.Topology.Columns ?? scenario.Topology.Channels;
            return PhantomRecording.Create(rows, columns, frames, periodNanoseconds, scenario.FlatLevels);
        }

        return RecordingLoader.Load(scenario.RecordingPath!, periodNanoseconds);
    }

    // A typical module per scenario seed and module index, with the module's channel-defect injections.
    private static Ddc264ModuleModel RealisticModule(Scenario scenario, int module, int channels)
    {
        var model = TypicalDdc264Module.Create(channels, unchecked((scenario.Seed * 65_537) + module));
        ChannelDefectInjections.ApplyTo(scenario.Injections, module, model.Defects!);
        return model;
    }

    private static IPEndPoint Route(Scenario scenario, int module, IPEndPoint receiver, Dictionary<int, UdpImpairmentProxy> proxies)
    {
        var network = scenario.Injections
            .Where(i => i.AllModules || i.Module == module)
            .Where(i => i.Kind is InjectionKind.PacketLoss or InjectionKind.Reorder or InjectionKind.Duplicate or InjectionKind.Corrupt or InjectionKind.ControllerStall)
            .ToList();
        if (network.Count == 0)
        {
            return receiver;
        }

        var impairments = new ProxyImpairments
        {
            Seed = scenario.Seed + module,
            LossFraction = Fraction(network, InjectionKind.PacketLoss),
            DuplicateFraction = Fraction(network, InjectionKind.Duplicate),
            ReorderFraction = Fraction(network, InjectionKind.Reorder),
            ReorderDistance = network.FirstOrDefault(i => i.Kind == InjectionKind.Reorder)?.Distance ?? 3,
            CorruptionFraction = Fraction(network, InjectionKind.Corrupt),
        };
        var proxy = new UdpImpairmentProxy(receiver, impairments);
        proxies[module] = proxy;
        return proxy.LocalEndPoint;
    }

    private static double Fraction(List<Injection> injections, InjectionKind kind) => injections.Where(i => i.Kind == kind).Sum(i => i.Fraction ?? 0);

    private static IEnumerable<Timer> ScheduleFaults(Scenario scenario, IReadOnlyList<SimulatedController> controllers, Dictionary<int, UdpImpairmentProxy> proxies)
    {
        foreach (var injection in scenario.Injections)
        {
            var due = scenario.IntegrationPeriod * (injection.AtFrame ?? 0);
            var modules = injection.AllModules ? Enumerable.Range(0, controllers.Count) : [injection.Module!.Value];
            switch (injection.Kind)
            {
                case InjectionKind.ChipNotAnswering:
                    foreach (var module in modules)
                    {
                        var chip = controllers[module].Fpga!.Chips[injection.Chip ?? 0];
                        yield return new Timer(_ => chip.NotAnswering = true, null, due, Timeout.InfiniteTimeSpan);
                    }

                    break;
                case InjectionKind.ControllerStall:
                    foreach (var module in modules)
                    {
                        var proxy = proxies[module];
                        yield return new Timer(_ => proxy.Stall(injection.Duration ?? TimeSpan.FromMilliseconds(100), injection.Release ?? StallRelease.Deliver), null, due, Timeout.InfiniteTimeSpan);
                    }

                    break;
            }
        }
    }

    private static List<ExpectationResult> Evaluate(Scenario scenario, AcquisitionSummary summary, Recording recording, Dictionary<int, UdpImpairmentProxy> proxies, Dictionary<string, double> measurements)
    {
        var expected = scenario.Expectations;
        var results = new List<ExpectationResult>();
        measurements["frames_expected"] = summary.FramesExpected;
        measurements["frames_complete"] = summary.FramesComplete;
        measurements["complete_fraction"] = summary.CompleteFraction;
        measurements["frames_per_s"] = summary.FramesPerSecond;
        var packetsPerFrame = PacketsPerFrame(scenario.Topology.ChannelsPerModule);

        long Reported(Func<(int ModuleId, Receiver.ReceiverStatistics Statistics), long> count) => proxies.Keys.Sum(module => count(summary.Modules.Single(m => m.ModuleId == module)));
        var lostReported = proxies.Keys.Sum(module =>
        {
            var receiver = summary.Modules.Single(m => m.ModuleId == module).Statistics;
            var missing = summary.Aggregation.Modules.SingleOrDefault(m => m.ModuleId == module)?.MissingFrames ?? 0;
            // A frame of which the module delivered no packet never reaches its receiver; aggregation counts it missing.
            return receiver.LostPackets + ((missing + summary.FramesMissing) * packetsPerFrame);
        });
        var lostInjected = proxies.Values.Sum(proxy => proxy.Counters.Lost);
        measurements["packets_lost_reported"] = lostReported;
        measurements["packets_lost_injected"] = lostInjected;
        measurements["duplicates_reported"] = Reported(m => m.Statistics.Duplicates);
        measurements["duplicates_injected"] = proxies.Values.Sum(proxy => proxy.Counters.Duplicated);
        measurements["crc_failures_reported"] = Reported(m => m.Statistics.CrcFailures);
        measurements["crc_failures_injected"] = proxies.Values.Sum(proxy => proxy.Counters.Corrupted);

        if (expected.MinCompleteFraction is { } minimum)
        {
            results.Add(new("min_complete_fraction", summary.CompleteFraction >= minimum, Invariant($"{summary.CompleteFraction:P2} complete, at least {minimum:P2} required")));
        }

        if (expected.LossesReportedEqualInjected == true)
        {
            results.Add(new("losses_reported_equal_injected", lostReported == lostInjected, $"{lostReported} packets reported lost, {lostInjected} dropped by the proxy"));
        }

        if (expected.DuplicatesReportedEqualInjected == true)
        {
            results.Add(Equal("duplicates_reported_equal_injected", measurements["duplicates_reported"], measurements["duplicates_injected"], "duplicates"));
        }

        if (expected.CrcFailuresEqualInjected == true)
        {
            results.Add(Equal("crc_failures_equal_injected", measurements["crc_failures_reported"], measurements["crc_failures_injected"], "CRC failures"));
        }

        if (expected.NoCrash)
        {
            results.Add(new("no_crash", true, "the run ended without an exception"));
        }

        if (expected.ValidFile == true)
        {
            var problem = NexusFileCheck.Problem(summary.OutputPath, (int)summary.FramesExpected, recording.Rows, recording.Columns);
            results.Add(new("valid_file", problem is null, problem ?? $"{summary.OutputPath} holds {summary.FramesExpected} frames of {recording.Rows} x {recording.Columns}"));
        }

        if (expected.MaxFramesDropped is { } maximum)
        {
            var dropped = summary.FramesExpected - summary.FramesComplete;
            results.Add(new("max_frames_dropped", dropped <= maximum, $"{dropped} frames incomplete or missing, at most {maximum} allowed"));
        }

        if (expected.ExpectFault is { } fault)
        {
            var faulted = summary.FaultReason is not null;
            results.Add(new("expect_fault", faulted == fault, faulted ? $"run ended early: {summary.FaultReason}" : "run ran to its end"));
        }

        if (expected.ChecksCalibration)
        {
            results.AddRange(CalibrationCheck.Evaluate(scenario, summary.OutputPath, recording, measurements));
        }

        return results;
    }

    private static ExpectationResult Equal(string name, double reported, double injected, string what) =>
        new(name, reported == injected, Invariant($"{reported} {what} reported, {injected} injected"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // The framer's own split, so the count matches what controllers send.
    private static int PacketsPerFrame(int channels)
    {
        var framer = new DataFramer(new DiscardingTransport(), Mtu - UdpDataPacketFormat.IpUdpOverhead);
        framer.Configure(0, 0, 1000, SampleEncoding.Packed20, channels);
        return framer.PacketsPerFrame;
    }

    private sealed class DiscardingTransport : IPacketTransport
    {
        public void Send(byte[] buffer, int offset, int count)
        {
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DetectorDaq.Calibration.Chain;
using DetectorDaq.Files;
using DetectorDaq.Firmware.Control;
using DetectorDaq.Frames;
using DetectorDaq.Host.Control;
using DetectorDaq.Host.RunControl;
using DetectorDaq.Receiver;
using DetectorDaq.Receiver.Aggregation;
using DetectorDaq.Receiver.Topology;
using DetectorDaq.Streaming;

namespace DetectorDaq.Acquisition;

/// <summary>
/// One acquisition end to end: opens the file and the live stream, binds a receiver per module,
/// configures, arms and starts every controller through run control, and writes the frames as the
/// aggregation delivers them, until the plan's frames are in, the controllers finish, a controller
/// faults, or the data stalls. Whatever arrived before a fault is in the file.
/// </summary>
public static class AcquisitionSession
{
    /// <summary>Detector frames held at once between the receivers and the file.</summary>
    public const int FramePoolCapacity = 256;

    /// <summary>Memory the live stream may hold for frames waiting to be sent, bytes.</summary>
    public const long StreamQueueBytes = 64L << 20;

    /// <summary>How long one module may run ahead of another before the slower one counts as lagging.</summary>
    public static readonly TimeSpan LagLimit = TimeSpan.FromMilliseconds(500);

    /// <summary>Runs <paramref name="plan"/> on the detector of <paramref name="topology"/>.</summary>
    /// <exception cref="AcquisitionException">The run could not start (file, stream, controller); nothing was acquired.</exception>
    public static AcquisitionSummary Run(DetectorTopology topology, AcquisitionPlan plan, AcquisitionOptions options, CancellationToken cancellationToken = default)
    {
        var geometry = topology.Geometry;
        var assembler = new DetectorFrameAssembler(geometry, new FramePool(geometry, FramePoolCapacity), LagLimitFrames(plan));
        var receivers = new List<ModuleReceiver>();
        var clients = new List<ControllerClient>();
        NexusWriter? writer = null;
        ZeroMqFrameStream? stream = null;
        try
        {
            var calibration = CreateCalibration(options, geometry);
            writer = OpenWriter(options, geometry, plan, calibration);
            stream = OpenStream(options, topology);
            if (stream is not null)
            {
                Thread.Sleep(options.StreamWarmUp);
            }
            foreach (var module in topology.Modules)
            {
                receivers.Add(new ModuleReceiver(ReceiverOptions(topology, module, options), assembler));
                clients.Add(Connect(module, options.ControlTimeout));
            }

            var run = new DetectorRunControl(topology.Modules.Select((module, i) => new ModuleLink(module.ModuleId, Address(module), clients[i])).ToArray());
            var consumer = new FrameConsumer(plan, writer, stream, options, calibration, geometry.PixelCount);
            var consuming = Task.Run(() => consumer.DrainAsync(assembler), CancellationToken.None);
            receivers.ForEach(receiver => receiver.Start());
            StartRun(run, topology, plan, options, receivers);

            var clock = Stopwatch.StartNew();
            options.Started?.Invoke();
            var fault = Follow(run, consumer, plan, options, clock, cancellationToken);
            var duration = clock.Elapsed;
            StopQuietly(run);
            receivers.ForEach(receiver => receiver.Stop());
            assembler.Complete();
            consuming.GetAwaiter().GetResult();
            writer.Complete();
            stream?.Complete();
            return new AcquisitionSummary
            {
                OutputPath = writer.Path,
                FramesExpected = plan.FrameCount,
                FramesWritten = writer.FramesWritten,
                FramesComplete = consumer.FramesComplete,
                FramesMissing = writer.FramesMissing,
                FramesCalibrated = consumer.FramesCalibrated,
                FramesStreamed = stream?.FramesPublished ?? 0,
                Duration = duration,
                Modules = topology.Modules.Select((module, i) => (module.ModuleId, receivers[i].Statistics)).ToArray(),
                Aggregation = assembler.Statistics,
                FaultReason = fault,
            };
        }
        catch (Exception exception) when (exception is ControllerUnreachableException or RunControlException or SocketException)
        {
            throw new AcquisitionException(exception.Message, exception);
        }
        finally
        {
            receivers.ForEach(receiver => receiver.Dispose());
            clients.ForEach(client => client.Dispose());
            writer?.Dispose();
            stream?.Dispose();
        }
    }

    // A module delayed by a busy host or network must not make frames incomplete that arrive whole a
    // moment later: the lag limit is a time, turned into frames, and capped so the pool still bounds memory.
    private static int LagLimitFrames(AcquisitionPlan plan)
    {
        var frames = (long)Math.Ceiling(LagLimit.TotalNanoseconds / Math.Max(1, plan.IntegrationPeriodNanoseconds));
        return (int)Math.Clamp(frames, 16, FramePoolCapacity * 3 / 4);
    }

    private static StreamingCalibration? CreateCalibration(AcquisitionOptions options, DetectorGeometry geometry)
    {
        try
        {
            return options.Constants is { } constants ? new StreamingCalibration(geometry, constants, new StreamingCalibrationOptions { MinusLog = options.MinusLog }) : null;
        }
        catch (ArgumentException exception)
        {
            throw new AcquisitionException($"calibration constants do not fit the detector: {exception.Message}", exception);
        }
    }

    private static NexusWriter OpenWriter(AcquisitionOptions options, DetectorGeometry geometry, AcquisitionPlan plan, StreamingCalibration? calibration)
    {
        try
        {
            var version = calibration?.Version ?? (options.FlatField ? "flatfield-stream-v1" : null);
            var writerOptions = new NexusWriterOptions { ExpectedFrames = plan.FrameCount, CalibrationVersion = version };
            return new NexusWriter(options.OutputPath, geometry, writerOptions);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new AcquisitionException($"cannot write {options.OutputPath}: {exception.Message}", exception);
        }
    }

    private static ZeroMqFrameStream? OpenStream(AcquisitionOptions options, DetectorTopology topology)
    {
        try
        {
            if (options.StreamUrl is null)
            {
                return null;
            }

            // Bursts of frames queue for the sender thread; the queue is bounded by bytes, not frame count.
            var queue = (int)Math.Clamp(StreamQueueBytes / (topology.Geometry.PixelCount * 4L), 8, 1024);
            var streamOptions = new FrameStreamOptions { DetectorId = $"detdaq-{topology.DetectorId}", QueueCapacity = queue, SendHighWaterMark = 2 * queue };
            return new ZeroMqFrameStream(options.StreamUrl, topology.Geometry, streamOptions);
        }
        catch (FrameStreamException exception)
        {
            throw new AcquisitionException(exception.Message, exception);
        }
    }

    private static ModuleReceiverOptions ReceiverOptions(DetectorTopology topology, ModuleTopology module, AcquisitionOptions options) => new()
    {
        DetectorId = (ushort)topology.DetectorId,
        ModuleId = (ushort)module.ModuleId,
        ChannelCount = module.ChannelCount,
        Port = module.DataPort,
        DiscardPolicy = options.DiscardPolicy,
    };

    private static ControllerClient Connect(ModuleTopology module, TimeSpan timeout) =>
        ControllerClient.ConnectAsync(new DnsEndPoint(module.ControllerHost, module.ControllerPort), timeout).GetAwaiter().GetResult();

    private static string Address(ModuleTopology module) => $"{module.ControllerHost}:{module.ControllerPort}";

    private static void StartRun(DetectorRunControl run, DetectorTopology topology, AcquisitionPlan plan, AcquisitionOptions options, List<ModuleReceiver> receivers)
    {
        run.Configure(link =>
        {
            var index = topology.Modules.ToList().FindIndex(module => module.ModuleId == link.ModuleId);
            var module = topology.Modules[index];
            var receiver = new IPEndPoint(LocalAddressTowards(module), receivers[index].LocalEndpoint.Port);
            var destination = options.DataRoute?.Invoke(module.ModuleId, receiver) ?? receiver;
            var configuration = new ControllerConfiguration
            {
                DetectorId = (ushort)topology.DetectorId,
                ModuleId = (ushort)module.ModuleId,
                DestinationPort = (ushort)destination.Port,
                Mtu = options.Mtu,
                IntegrationPeriodNs = (uint)plan.IntegrationPeriodNanoseconds,
                FramesToAcquire = (ulong)plan.FrameCount,
                Encoding = options.Encoding,
                // The protocol takes 1..16; a board without a DDC264 chain ignores it and streams its ADS131M08.
                ChainLength = (byte)Math.Max(1, module.Chips.Where(chip => chip.Kind == Firmware.Interfaces.ChipKind.Ddc264).Sum(chip => chip.Count)),
            };
            destination.Address.GetAddressBytes().CopyTo(configuration.DestinationAddress, 0);
            return configuration;
        });
        run.Arm();
        run.Start();
    }

    // The address of this host on the route to the controller: where the controller can send data.
    private static IPAddress LocalAddressTowards(ModuleTopology module)
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Connect(module.ControllerHost, module.ControllerPort);
        return ((IPEndPoint)probe.LocalEndPoint!).Address;
    }

    private static string? Follow(DetectorRunControl run, FrameConsumer consumer, AcquisitionPlan plan, AcquisitionOptions options, Stopwatch clock, CancellationToken cancellationToken)
    {
        // Once every controller finished, packets still in flight get this long to land.
        var settle = TimeSpan.FromMilliseconds(500);
        var lastCount = -1L;
        var lastChange = TimeSpan.Zero;
        TimeSpan? finishedAt = null;
        while (consumer.FramesWritten < plan.FrameCount)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return "cancelled";
            }

            try
            {
                if (run.Poll())
                {
                    finishedAt ??= clock.Elapsed;
                }
            }
            catch (RunControlException exception)
            {
                return exception.Message;
            }

            if (consumer.FramesWritten != lastCount)
            {
                lastCount = consumer.FramesWritten;
                lastChange = clock.Elapsed;
            }

            if (finishedAt is { } finished && clock.Elapsed - (finished > lastChange ? finished : lastChange) > settle)
            {
                return null;
            }

            if (clock.Elapsed - lastChange > options.StallTimeout)
            {
                return $"no frame for {options.StallTimeout.TotalSeconds:0.#} s after {lastCount} frames";
            }

            Thread.Sleep(20);
        }

        return null;
    }

    private static void StopQuietly(DetectorRunControl run)
    {
        if (run.State is RunState.Running or RunState.Armed)
        {
            try
            {
                run.Stop();
            }
            catch (RunControlException)
            {
                // The run already ended in Fault; its reason is in the summary.
            }
        }
    }
}

using System.Net;
using DetectorDaq.Calibration;
using DetectorDaq.Files;
using DetectorDaq.Frames;
using DetectorDaq.Receiver;
using DetectorDaq.Receiver.Aggregation;

namespace DetectorDaq.Bench;

/// <summary>What a memory probe runs.</summary>
/// <param name="Frames">Detector frames sent through the chain, ≥ 1.</param>
/// <param name="WithWriter">Also write every frame to a NeXus file (deleted after).</param>
public sealed record MemoryProbeRequest(long Frames, bool WithWriter);

/// <summary>
/// Runs the receive → aggregate → calibrate chain for a number of frames and reports the process's peak
/// resident set (VmHWM of /proc/self/status). Four modules of 256 Packed20 channels stream over loopback into
/// four <see cref="ModuleReceiver"/>s, a <see cref="DetectorFrameAssembler"/> joins them, and every projection
/// is flat-fielded into one preallocated buffer; optionally a <see cref="NexusWriter"/> writes each frame.
/// Meant to run alone in a child process (<c>detdaq bench --memory-probe N</c>).
/// </summary>
public static class MemoryProbe
{
    private const int Modules = 4;
    private const int ChannelsPerModule = 256;
    private const double FramesPerSecond = 20_000;

    /// <summary>Runs <paramref name="request"/>; returns the peak resident set, MB (10⁶ bytes).</summary>
    public static double Run(MemoryProbeRequest request)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Frames, 1);
        var geometry = DetectorGeometry.ColumnStrips(1, Modules * ChannelsPerModule, Modules);
        var pool = new FramePool(geometry, 16);
        var assembler = new DetectorFrameAssembler(geometry, pool);
        var streams = geometry.Modules.Select(module => new SyntheticModuleStream(1, (ushort)module.ModuleId, ChannelsPerModule, 8048, 50_000, module.ModuleId)).ToArray();
        var receivers = streams.Select(stream => new ModuleReceiver(
            new ModuleReceiverOptions { DetectorId = 1, ModuleId = stream.ModuleId, ChannelCount = ChannelsPerModule, BindAddress = IPAddress.Loopback },
            assembler)).ToArray();
        var path = Path.Combine(Path.GetTempPath(), $"detdaq-memory-probe-{Environment.ProcessId}.nxs");
        var writer = request.WithWriter ? new NexusWriter(path, geometry, new NexusWriterOptions { ExpectedFrames = (int)request.Frames, CalibrationVersion = "bench" }) : null;
        try
        {
            var flatField = new FlatFieldCorrection(Enumerable.Repeat(1000f, geometry.PixelCount).ToArray(), Enumerable.Repeat(500_000f, geometry.PixelCount).ToArray());
            var calibrated = new float[geometry.PixelCount];
            var consumer = Task.Run(async () =>
            {
                await foreach (var frame in assembler.Frames.ReadAllAsync().ConfigureAwait(false))
                {
                    flatField.Apply(frame.Codes, calibrated, minusLog: false);
                    writer?.Write(frame, calibrated);
                    assembler.Release(frame);
                }
            });
            foreach (var receiver in receivers)
            {
                receiver.Start();
            }

            var sent = new PacedSender(streams, receivers.Select(r => r.LocalEndpoint).ToArray(), FramesPerSecond).Send(request.Frames);
            IngestBenchmark.WaitUntilQuiet(() => receivers.Sum(r => r.Statistics.PacketsReceived), sent);
            foreach (var receiver in receivers)
            {
                receiver.Stop();
            }

            assembler.Complete();
            consumer.GetAwaiter().GetResult();
            writer?.Complete();
            return PeakResidentMegabytes();
        }
        finally
        {
            writer?.Dispose();
            foreach (var receiver in receivers)
            {
                receiver.Dispose();
            }

            File.Delete(path);
        }
    }

    /// <summary>VmHWM of /proc/self/status, MB (10⁶ bytes); falls back to the process's peak working set off Linux.</summary>
    public static double PeakResidentMegabytes()
    {
        const string Status = "/proc/self/status";
        if (File.Exists(Status))
        {
            foreach (var line in File.ReadLines(Status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                    return kilobytes * 1024 / 1e6;
                }
            }
        }

        return System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1e6;
    }
}

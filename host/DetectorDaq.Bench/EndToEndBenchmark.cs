using DetectorDaq.Acquisition;
using DetectorDaq.Hil.Recordings;
using DetectorDaq.Hil.Runner;

namespace DetectorDaq.Bench;

/// <summary>
/// The whole chain: a generated current recording (1 row × 1024 columns: 4 modules × 4 DDC264 chips) replayed
/// through simulated controllers (firmware core on virtual chips) over loopback TCP/UDP into the real
/// acquisition, which aggregates, flat-fields and writes a NeXus file to a temporary path (deleted after).
/// </summary>
internal static class EndToEndBenchmark
{
    private const int Columns = 1024;
    private const int Modules = 4;

    public static EndToEndResult Run(bool quick, Action<string>? progress)
    {
        var frames = quick ? 300 : 3000;
        var periodNanoseconds = 1_000_000L;
        progress?.Invoke($"end to end: {frames} frames of {Modules} modules × {Columns / Modules} channels");
        var recording = GenerateRecording(frames, periodNanoseconds);
        var path = Path.Combine(Path.GetTempPath(), $"detdaq-bench-{Environment.ProcessId}-{Guid.NewGuid():N}.nxs");
        try
        {
            var summary = ReplayService.Run(new ReplayRequest(recording, Modules, new AcquisitionOptions { OutputPath = path }));
            return new EndToEndResult
            {
                Modules = Modules,
                Channels = Columns,
                IntegrationPeriodUs = periodNanoseconds / 1000.0,
                FramesExpected = summary.FramesExpected,
                FramesWritten = summary.FramesWritten,
                FramesComplete = summary.FramesComplete,
                FramesPerS = summary.FramesPerSecond,
                FaultReason = summary.FaultReason,
            };
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Ten darks, ten flats and projections of a slowly moving current profile, 1..100 nA.</summary>
    private static Recording GenerateRecording(int frames, long periodNanoseconds)
    {
        var signal = new double[frames * Columns];
        var keys = new Frames.ImageKey[frames];
        for (var f = 0; f < frames; f++)
        {
            keys[f] = f < 10 ? Frames.ImageKey.Dark : f < 20 ? Frames.ImageKey.Flat : Frames.ImageKey.Projection;
            for (var c = 0; c < Columns; c++)
            {
                var level = keys[f] switch
                {
                    Frames.ImageKey.Dark => 1e-9,
                    Frames.ImageKey.Flat => 100e-9,
                    _ => (50 + (40 * Math.Sin((c + f) * 0.01))) * 1e-9,
                };
                signal[(f * Columns) + c] = level;
            }
        }

        return new Recording(RecordingKind.Current, periodNanoseconds, 1, Columns, signal, keys, source: "detdaq bench");
    }
}

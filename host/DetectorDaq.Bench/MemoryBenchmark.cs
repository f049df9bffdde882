namespace DetectorDaq.Bench;

/// <summary>Four memory probes: short and ten-times-longer runs, without and with the NeXus writer.</summary>
internal static class MemoryBenchmark
{
    public static MemoryResult Run(BenchOptions options)
    {
        var shortFrames = options.Quick ? 500L : 5000L;
        var longFrames = shortFrames * 10;
        var probe = options.RunMemoryProbe ?? MemoryProbe.Run;
        options.Progress?.Invoke($"memory: {shortFrames} and {longFrames} frames, without and with the NeXus writer");
        var rssShort = probe(new MemoryProbeRequest(shortFrames, WithWriter: false));
        var rssLong = probe(new MemoryProbeRequest(longFrames, WithWriter: false));
        var writerShort = probe(new MemoryProbeRequest(shortFrames, WithWriter: true));
        var writerLong = probe(new MemoryProbeRequest(longFrames, WithWriter: true));
        return new MemoryResult
        {
            FramesShort = shortFrames,
            FramesLong = longFrames,
            RssShortMb = rssShort,
            RssLongMb = rssLong,
            LongToShort = rssLong / rssShort,
            WriterRssShortMb = writerShort,
            WriterRssLongMb = writerLong,
            WriterGrowthMbPer1000Frames = (writerLong - writerShort) / (longFrames - shortFrames) * 1000,
            ChildProcesses = options.RunMemoryProbe is not null,
        };
    }
}

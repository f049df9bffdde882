namespace DetectorDaq.Bench;

/// <summary>Runs every measurement in one process, one after the other, so the figures compare on one machine in one state.</summary>
public static class BenchRunner
{
    /// <summary>Measures calibrate, the stream chain, ingest, end to end and memory; asserts nothing.</summary>
    public static BenchReport Run(BenchOptions options) => new()
    {
        Machine = MachineInfo.Current(),
        Quick = options.Quick,
        Calibrate = CalibrateBenchmark.Run(options.Quick, options.Progress),
        StreamChain = StreamChainBenchmark.Run(options.Quick, options.Progress),
        Ingest = IngestBenchmark.Run(options.Quick, options.Progress),
        EndToEnd = EndToEndBenchmark.Run(options.Quick, options.Progress),
        Memory = MemoryBenchmark.Run(options),
    };
}

using System.Globalization;
using DetectorDaq.Bench;
using Spectre.Console;

namespace DetectorDaq.Cli.Commands.Bench;

/// <summary>The report as a table: figure, value, goal and whether it is met.</summary>
internal static class BenchTable
{
    public static void Write(IAnsiConsole console, BenchReport report)
    {
        var machine = report.Machine;
        console.MarkupLineInterpolated($"[bold]{machine.CpuModel}[/], {machine.Cores} cores, {machine.DotnetVersion}, SIMD {machine.Simd}{(report.Quick ? ", quick" : "")}");
        var table = new Table().AddColumns("Figure", "Value", "Goal", "");
        var calibrate = report.Calibrate;
        Row(table, "calibrate.samples_per_s (1 core, in cache)", Rate(calibrate.SamplesPerS), "", null);
        Row(table, "  memcpy of the same bytes", Rate(calibrate.MemcpySamplesPerS), "", null);
        Row(table, "calibrate.ratio_to_memcpy", Ratio(calibrate.RatioToMemcpy), "≥ 0.5", calibrate.RatioToMemcpy >= BenchReport.CalibrateRatioGoal);
        Row(table, "  scalar reference", Rate(calibrate.ScalarSamplesPerS), "", null);
        Row(table, "  out of cache / memcpy", $"{Rate(calibrate.OutOfCacheSamplesPerS)} / {Rate(calibrate.OutOfCacheMemcpySamplesPerS)} = {Ratio(calibrate.OutOfCacheRatioToMemcpy)}", "", null);
        Row(table, "  1 core → 2 cores", $"{Rate(calibrate.SamplesPerS1Core)} → {Rate(calibrate.SamplesPerS2Cores)} (×{Ratio(calibrate.Scaling2Cores)})", "", null);
        var chain = report.StreamChain;
        Row(table, $"stream_chain.samples_per_s ({chain.Modules}×{chain.Channels / chain.Modules} ch, full chain)", Rate(chain.SamplesPerS), "", null);
        Row(table, "  stream flat-field on the same frames", $"{Rate(chain.FlatFieldSamplesPerS)} (chain / flat-field = {Ratio(chain.RatioToFlatField)})", "", null);
        var ingest = report.Ingest;
        Row(table, "ingest.bytes_per_s (ModuleReceiver)", Bytes(ingest.BytesPerS), "", null);
        Row(table, "  bare socket loop", Bytes(ingest.BaselineBytesPerS), "", null);
        Row(table, "ingest.ratio_to_baseline", Ratio(ingest.RatioToBaseline), "≥ 0.8", ingest.RatioToBaseline >= BenchReport.IngestRatioGoal);
        Row(table, "ingest.loss_fraction (receiver / bare)", $"{ingest.LossFraction:P3} / {ingest.BaselineLossFraction:P3}", "", null);
        Row(table, "  sender pace", ingest.SenderFramesPerS > 0 ? $"{ingest.SenderFramesPerS:F0} frames/s of {ingest.DatagramBytes * 2} B" : "unpaced", "", null);
        var endToEnd = report.EndToEnd;
        Row(table, "end_to_end.frames_per_s", $"{endToEnd.FramesPerS:F0} ({endToEnd.FramesComplete}/{endToEnd.FramesExpected} complete, {endToEnd.Modules}×{endToEnd.Channels / endToEnd.Modules} ch, {endToEnd.IntegrationPeriodUs:F0} µs)", "", null);
        var memory = report.Memory;
        Row(table, $"memory.rss_short_mb ({memory.FramesShort} frames)", $"{memory.RssShortMb:F1}", "", null);
        Row(table, $"memory.rss_long_mb ({memory.FramesLong} frames)", $"{memory.RssLongMb:F1} (×{Ratio(memory.LongToShort)})", "≤ 1.2 × short", memory.LongToShort <= BenchReport.MemoryGrowthGoal);
        Row(table, "memory.writer_growth_mb_per_1000_frames", $"{memory.WriterGrowthMbPer1000Frames:F2} ({memory.WriterRssShortMb:F1} → {memory.WriterRssLongMb:F1} MB)", "known limitation", null);
        console.Write(table);
    }

    private static void Row(Table table, string name, string value, string goal, bool? pass) =>
        table.AddRow(
            Markup.Escape(name),
            Markup.Escape(value),
            Markup.Escape(goal),
            pass switch { true => "[green]PASS[/]", false => "[yellow]below goal[/]", null => "" });

    private static string Rate(double perSecond) => perSecond.ToString("0.00e0", CultureInfo.InvariantCulture) + "/s";

    private static string Bytes(double perSecond) => (perSecond / 1e9).ToString("F2", CultureInfo.InvariantCulture) + " GB/s";

    private static string Ratio(double ratio) => ratio.ToString("F2", CultureInfo.InvariantCulture);
}

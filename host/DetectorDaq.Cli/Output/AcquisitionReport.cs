using System.Globalization;
using DetectorDaq.Acquisition;
using Spectre.Console;

namespace DetectorDaq.Cli.Output;

/// <summary>Runs an acquisition under a progress bar and prints its summary table.</summary>
public static class AcquisitionReport
{
    /// <summary>Runs <paramref name="acquire"/> with progress, then prints the summary; returns it.</summary>
    public static AcquisitionSummary Run(IAnsiConsole console, string label, Func<IProgress<AcquisitionProgress>, AcquisitionSummary> acquire)
    {
        var summary = ProgressReporter.Run(console, label, progress => acquire(new Progress(progress)));
        console.Write(Table(summary));
        return summary;
    }

    /// <summary>The summary as a two-column table.</summary>
    public static Table Table(AcquisitionSummary summary)
    {
        var table = new Table().AddColumns("item", "value").HideHeaders();
        table.AddRow("frames", $"{summary.FramesWritten} of {summary.FramesExpected} written, {summary.FramesComplete} complete ({summary.CompleteFraction:P1})");
        table.AddRow("rate", string.Create(CultureInfo.InvariantCulture, $"{summary.FramesPerSecond:0.0} frames/s over {summary.Duration.TotalSeconds:0.00} s"));
        table.AddRow("corrected", $"{summary.FramesCalibrated} projections");
        table.AddRow("streamed", $"{summary.FramesStreamed} frames");
        foreach (var (moduleId, statistics) in summary.Modules)
        {
            table.AddRow($"module {moduleId}", $"{statistics.PacketsAccepted} packets, lost {statistics.LostPackets}, CRC failures {statistics.CrcFailures}, duplicates {statistics.Duplicates}, late {statistics.LatePackets}, malformed {statistics.Malformed}");
        }

        table.AddRow("missing frames", summary.FramesMissing.ToString(CultureInfo.InvariantCulture));
        table.AddRow("file", Markup.Escape(summary.OutputPath));
        table.AddRow("result", summary.FaultReason is null ? "[green]complete[/]" : $"[red]ended early[/]: {Markup.Escape(summary.FaultReason)}");
        return table;
    }

    private sealed class Progress(IProgress<double> bar) : IProgress<AcquisitionProgress>
    {
        public void Report(AcquisitionProgress value) => bar.Report(value.Fraction);
    }
}

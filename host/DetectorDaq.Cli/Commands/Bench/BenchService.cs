using System.Diagnostics;
using System.Globalization;
using DetectorDaq.Bench;
using DetectorDaq.Cli.Output;
using Spectre.Console;

namespace DetectorDaq.Cli.Commands.Bench;

/// <summary>Runs the benchmarks with memory probes in child processes of <c>detdaq</c> and prints the report.</summary>
public static class BenchService
{
    /// <summary>Measures and writes the report to <paramref name="output"/> as JSON or as a table; returns it.</summary>
    public static BenchReport Run(bool quick, bool json, TextWriter output)
    {
        var console = json ? null : ConsoleFactory.Create(output);
        var report = BenchRunner.Run(new BenchOptions
        {
            Quick = quick,
            RunMemoryProbe = RunChildProbe,
            Progress = console is null ? null : line => console.MarkupLineInterpolated($"[grey]{line}[/]"),
        });
        if (console is null)
        {
            output.WriteLine(report.ToJson());
        }
        else
        {
            BenchTable.Write(console, report);
        }

        return report;
    }

    /// <summary>Runs <c>detdaq bench --memory-probe N</c> as a child process so that its peak RSS is its own.</summary>
    /// <exception cref="CommandLineException">The child failed or printed no figure.</exception>
    internal static double RunChildProbe(MemoryProbeRequest request)
    {
        var start = ChildStart();
        start.ArgumentList.Add("bench");
        start.ArgumentList.Add("--memory-probe");
        start.ArgumentList.Add(request.Frames.ToString(CultureInfo.InvariantCulture));
        if (request.WithWriter)
        {
            start.ArgumentList.Add("--writer");
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var child = Process.Start(start) ?? throw new CommandLineException($"could not start the memory probe {start.FileName}", ExitCodes.Failure);
        var standardError = child.StandardError.ReadToEndAsync();
        var text = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0 || !double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var megabytes))
        {
            throw new CommandLineException($"memory probe of {request.Frames} frames failed (exit {child.ExitCode}): {standardError.Result.Trim()}", ExitCodes.Failure);
        }

        return megabytes;
    }

    /// <summary>This build of detdaq: its app host when present, else <c>dotnet exec detdaq.dll</c> (as under a test host).</summary>
    private static ProcessStartInfo ChildStart()
    {
        var assembly = typeof(BenchService).Assembly.Location;
        var appHost = Path.Combine(Path.GetDirectoryName(assembly)!, OperatingSystem.IsWindows() ? "detdaq.exe" : "detdaq");
        if (File.Exists(appHost))
        {
            return new ProcessStartInfo(appHost);
        }

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet");
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(assembly);
        return start;
    }
}

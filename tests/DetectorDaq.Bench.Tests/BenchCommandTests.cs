using System.Text.Json;
using DetectorDaq.Cli;

namespace DetectorDaq.Bench.Tests;

public class BenchCommandTests
{
    private static readonly string[] RequiredKeys =
    [
        "calibrate.samples_per_s", "calibrate.ratio_to_memcpy", "ingest.bytes_per_s", "ingest.ratio_to_baseline",
        "end_to_end.frames_per_s", "memory.rss_short_mb", "memory.rss_long_mb", "memory.writer_growth_mb_per_1000_frames",
        "calibrate.samples_per_s_1_core", "calibrate.samples_per_s_2_cores",
    ];

    private static JsonDocument? _report;

    [OneTimeSetUp]
    public static void RunQuickBench()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = DetectorDaqCommandLine.Run(["bench", "--json", "--quick"], output, error);
        Assert.That(exitCode, Is.Zero, error.ToString());
        _report = JsonDocument.Parse(output.ToString());
    }

    [OneTimeTearDown]
    public static void Dispose() => _report?.Dispose();

    [TestCaseSource(nameof(RequiredKeys))]
    public void QuickJson_HasFinitePositiveFigure(string key)
    {
        var value = Figure(key);

        Assert.That(double.IsFinite(value) && value > 0, Is.True, $"{key} = {value}");
    }

    [TestCase("ingest.loss_fraction")]
    [TestCase("ingest.baseline_loss_fraction")]
    public void QuickJson_HasLossFractionBetweenZeroAndOne(string key)
    {
        Assert.That(Figure(key), Is.InRange(0.0, 1.0));
    }

    [Test]
    public void QuickJson_NamesTheMachine()
    {
        var machine = _report!.RootElement.GetProperty("machine");

        Assert.That(machine.GetProperty("cores").GetInt32(), Is.GreaterThanOrEqualTo(1));
        Assert.That(machine.GetProperty("cpu_model").GetString(), Is.Not.Empty);
        Assert.That(machine.GetProperty("dotnet_version").GetString(), Does.Contain(".NET"));
    }

    private static double Figure(string key)
    {
        var parts = key.Split('.');
        return _report!.RootElement.GetProperty(parts[0]).GetProperty(parts[1]).GetDouble();
    }
}

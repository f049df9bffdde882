using System.Text.Json;
using DetectorDaq.Hil.Controller;

namespace DetectorDaq.Cli.Tests;

/// <summary><c>detdaq calibrate run</c> on the simulated detector, healthy and with injected defects, and on a controller named by a topology.</summary>
public class CalibrateRunCommandTests
{
    private static string Script => Path.Combine(TestFolders.RepositoryRoot, "calibration", "scripts", "ddc264-module.yaml");

    [Test]
    public void DefectiveModule_Fails_ListsExactlyTheInjectedChannels_AndStoresNothing()
    {
        var folder = TestFolders.NewFolder();

        var run = CommandLineRun.Of("calibrate", "run", Script, "--dut", "DDC-BAD", "--station", "ST-T", "--answer", "beam-off=yes", "--out", folder,
            "--dead", "5", "17", "--stuck", "40", "--noisy", "21", "--nonlinear", "50");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        using var record = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "record.json")));
        var flags = record.RootElement.GetProperty("badChannels").EnumerateArray()
            .Select(c => $"{c.GetProperty("channel").GetInt32()}:{string.Join("|", c.GetProperty("flags").EnumerateArray().Select(flag => flag.GetString()))}");
        Assert.That(record.RootElement.GetProperty("outcome").GetString(), Is.EqualTo("FAIL"));
        Assert.That(flags, Is.EqualTo(new[] { "5:Dead", "17:Dead", "21:NoiseOutOfRange", "40:Stuck", "50:NonlinearResponse" }), "each injected kind with its own flag and no other");
        Assert.That(File.Exists(Path.Combine(folder, "calibration.db")), Is.False, "a failed module must not store constants");
        var report = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.That(System.Text.RegularExpressions.Regex.Matches(report, "data:image/png;base64,").Count, Is.EqualTo(5));
    }

    [Test]
    public void HealthyModule_Passes_AndItsNewVersionIsListedByCal()
    {
        var folder = TestFolders.NewFolder();

        var run = CommandLineRun.Of("calibrate", "run", Script, "--dut", "DDC-GOOD", "--station", "ST-T", "--answer", "beam-off=yes", "--out", folder);
        var list = CommandLineRun.Of("cal", "list", "--db", Path.Combine(folder, "calibration.db"));

        Assert.That(run.ExitCode, Is.Zero, run.Output + run.Error);
        using var record = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "record.json")));
        Assert.That(record.RootElement.GetProperty("outcome").GetString(), Is.EqualTo("PASS"));
        Assert.That(record.RootElement.GetProperty("badChannels").GetArrayLength(), Is.Zero);
        Assert.That(list.ExitCode, Is.Zero, list.Error);
        Assert.That(list.Output, Does.Contain("DDC-GOOD").And.Contain("ST-T"));

        // The stored version, applied to a flat acquisition of the run: a frame at the flat level normalises to 1.
        var flatAcquisition = Directory.GetFiles(Path.Combine(folder, "frames"), "*.nxs").Order().ElementAt(1);
        var applied = Path.Combine(folder, "applied.nxs");
        var apply = CommandLineRun.Of("calibrate", "apply", "--input", flatAcquisition, "--output", applied, "--constants", "1", "--db", Path.Combine(folder, "calibration.db"));
        Assert.That(apply.ExitCode, Is.Zero, apply.Error);
        var extremes = Python.Run("import sys, h5py, numpy as np; d = h5py.File(sys.argv[1])['/entry/calibrated/data'][...]; print(float(np.abs(d - 1).max()))", applied);
        Assert.That(double.Parse(extremes, System.Globalization.CultureInfo.InvariantCulture), Is.LessThan(1e-3));
    }

    [Test]
    public void MissingOperatorAnswer_AbortsWithExitCode2()
    {
        var run = CommandLineRun.Of("calibrate", "run", Script, "--dut", "DDC-X", "--station", "ST-T", "--out", TestFolders.NewFolder());

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--answer beam-off="));
    }

    [Test]
    public void OnAController_WithoutTheFlatLevelAnswer_AbortsNamingTheKey()
    {
        using var controller = new SimulatedController(new SimulatedControllerOptions(Ddc264Chips: 1));
        var folder = TestFolders.NewFolder();
        var topology = Topology(folder, $"127.0.0.1:{controller.ControlEndpoint.Port}");

        var run = CommandLineRun.Of("calibrate", "run", Script, "--dut", "DDC-C", "--station", "ST-T", "--config", topology, "--answer", "beam-off=yes", "--out", folder);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("[darks] PASS"));
        Assert.That(run.Error, Does.Contain("--answer flat-200nA="));
    }

    [Test]
    public void OnAControllerThatDoesNotAnswer_IsOneErrorLine()
    {
        var folder = TestFolders.NewFolder();
        var topology = Topology(folder, "127.0.0.1:1");

        var run = CommandLineRun.Of("calibrate", "run", Script, "--dut", "DDC-C", "--station", "ST-T", "--config", topology, "--answer", "beam-off=yes", "--out", folder);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.Contain("127.0.0.1:1"));
    }

    [Test]
    public void WithConfig_InjectedDefectsAreRefused()
    {
        var folder = TestFolders.NewFolder();

        var run = CommandLineRun.Of("calibrate", "run", Script, "--dut", "DDC-C", "--station", "ST-T", "--config", Topology(folder, "127.0.0.1:1"), "--dead", "3");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("cannot be given with --config"));
    }

    private static string Topology(string folder, string controller)
    {
        var path = Path.Combine(folder, "detector.yaml");
        File.WriteAllText(path, $$"""
            detector_id: 1
            rows: 1
            columns: 64
            modules:
              - { id: 0, controller: "{{controller}}", data_port: 0, chips: [{ kind: ddc264, count: 1 }], rows: 1, columns: 64, first_row: 0, first_column: 0 }
            """);
        return path;
    }
}

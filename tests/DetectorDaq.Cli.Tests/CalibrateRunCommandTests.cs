using System.Text.Json;

namespace DetectorDaq.Cli.Tests;

/// <summary><c>detdaq calibrate run</c> on the simulated detector, healthy and with injected defects.</summary>
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
        var channels = record.RootElement.GetProperty("badChannels").EnumerateArray().Select(c => c.GetProperty("channel").GetInt32());
        Assert.That(record.RootElement.GetProperty("outcome").GetString(), Is.EqualTo("FAIL"));
        Assert.That(channels, Is.EqualTo(new[] { 5, 17, 21, 40, 50 }));
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
}

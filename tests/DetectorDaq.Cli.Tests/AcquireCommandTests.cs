using DetectorDaq.Hil.Controller;

namespace DetectorDaq.Cli.Tests;

public class AcquireCommandTests
{
    [Test]
    public void Acquire_FromTheControllersOfATopologyFile_WritesEveryFrame()
    {
        using var left = new SimulatedController(new SimulatedControllerOptions(Ddc264Chips: 2));
        using var right = new SimulatedController(new SimulatedControllerOptions(Ddc264Chips: 2));
        var folder = Path.Combine(Path.GetTempPath(), "detdaq-acquire", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var topology = Path.Combine(folder, "detector.yaml");
        File.WriteAllText(topology, $"""
            detector_id: 3
            rows: 2
            columns: 128
            modules:
              - {ModuleYaml(0, left, 0)}
              - {ModuleYaml(1, right, 64)}
            """);
        var output = Path.Combine(folder, "run.nxs");

        var run = CommandLineRun.Of("acquire", "--config", topology, "--out", output, "--frames", "50", "--image-key", "flat");

        Assert.That(run.ExitCode, Is.Zero, run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("50 of 50 written, 50 complete"));
        var keys = Python.Run("import sys, h5py; print(sorted(set(h5py.File(sys.argv[1])['/entry/instrument/detector/image_key'][...].tolist())))", output);
        Assert.That(keys.Trim(), Is.EqualTo("[1]"));
    }

    [Test]
    public void Acquire_WithAnUnreachableController_IsOneErrorLine()
    {
        var folder = Path.Combine(Path.GetTempPath(), "detdaq-acquire", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var topology = Path.Combine(folder, "detector.yaml");
        File.WriteAllText(topology, """
            detector_id: 3
            rows: 1
            columns: 64
            modules:
              - { id: 0, controller: "127.0.0.1:1", data_port: 0, chips: [{ kind: ddc264, count: 1 }], rows: 1, columns: 64, first_row: 0, first_column: 0 }
            """);

        var run = CommandLineRun.Of("acquire", "--config", topology, "--out", Path.Combine(folder, "run.nxs"));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.Contain("127.0.0.1:1").And.Contain("unreachable"));
    }

    [Test]
    public void Acquire_WithABadTopology_NamesTheFileAndLine()
    {
        var topology = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(topology, "detector_id: 3\nrows: [\n");

        var run = CommandLineRun.Of("acquire", "--config", topology, "--out", "/tmp/never.nxs");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain(Path.GetFileName(topology)));
    }

    private static string ModuleYaml(int id, SimulatedController controller, int firstColumn) =>
        $"{{ id: {id}, controller: \"127.0.0.1:{controller.ControlEndpoint.Port}\", data_port: 0, chips: [{{ kind: ddc264, count: 2 }}], rows: 2, columns: 64, first_row: 0, first_column: {firstColumn} }}";
}

using DetectorDaq.Calibration.Constants;
using DetectorDaq.CalibrationDb;
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
    public void Acquire_WithStoredConstants_CalibratesInTheStream()
    {
        using var controller = new SimulatedController(new SimulatedControllerOptions(Ddc264Chips: 2));
        var folder = Scratch();
        var topology = OneModuleTopology(folder, controller);
        var database = Path.Combine(folder, "calibration.db");
        // Offset 0 and gain 1 leave good channels at their raw codes; channel 70 (row 1, column 6) is
        // marked dead, so the chain replaces it by the mean of its good four-neighbours.
        var badChannels = new uint[128];
        badChannels[70] = (uint)BadChannelFlags.Dead;
        var version = StoreConstants(database, "HIL-0001", rows: 2, badChannels);

        var output = Path.Combine(folder, "run.nxs");
        var run = CommandLineRun.Of("acquire", "--config", topology, "--out", output, "--frames", "30", "--constants", version.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", database);

        Assert.That(run.ExitCode, Is.Zero, run.Output + run.Error);
        var check = Python.Run("""
            import sys, h5py, numpy as np
            f = h5py.File(sys.argv[1], 'r')
            raw = f['/entry/instrument/detector/data'][...].astype(np.float64)
            cal = f['/entry/calibrated/data'][...].astype(np.float64)
            good = np.ones((2, 64), bool); good[1, 6] = False
            neighbours = (raw[:, 1, 5] + raw[:, 1, 7] + raw[:, 0, 6]) / 3
            version = f['/entry/calibrated/calibration_version'][()].decode()
            print(cal.shape[0], np.abs(cal[:, good] - raw[:, good]).max(), np.abs(cal[:, 1, 6] - neighbours).max(), version)
            """, output).Trim().Split(' ');
        Assert.That(check[0], Is.EqualTo("30"));
        Assert.That(double.Parse(check[1], System.Globalization.CultureInfo.InvariantCulture), Is.Zero);
        Assert.That(double.Parse(check[2], System.Globalization.CultureInfo.InvariantCulture), Is.LessThan(1e-2));
        Assert.That(check[3], Is.EqualTo("HIL-0001:1970-01-01T00:00:00.0000000+00:00"));
    }

    [Test]
    public void Acquire_WithLookup_FindsTheVersionForTheControllersSerialAndTemperature()
    {
        using var controller = new SimulatedController(new SimulatedControllerOptions(Ddc264Chips: 2));
        var folder = Scratch();
        var topology = OneModuleTopology(folder, controller);
        var database = Path.Combine(folder, "calibration.db");
        StoreConstants(database, "HIL-0001", rows: 2, new uint[128], temperatureCelsius: 45);
        var expected = StoreConstants(database, "HIL-0001", rows: 2, new uint[128], temperatureCelsius: 31);
        StoreConstants(database, "HIL-0002", rows: 2, new uint[128]);
        var output = Path.Combine(folder, "run.nxs");

        var run = CommandLineRun.Of("acquire", "--config", topology, "--out", output, "--frames", "10", "--lookup", "--db", database);

        Assert.That(run.ExitCode, Is.Zero, run.Output + run.Error);
        Assert.That(run.Output, Does.Contain($"module 0: HIL-0001 at 3").And.Contain($"→ version {expected} (31.0 °C"));
        var frames = Python.Run("import sys, h5py; print(h5py.File(sys.argv[1], 'r')['/entry/calibrated/data'].shape[0])", output);
        Assert.That(frames.Trim(), Is.EqualTo("10"));
    }

    [Test]
    public void Acquire_WithLookupAndNoVersionAtTheRunsTemperature_FailsNamingTheModule()
    {
        using var controller = new SimulatedController(new SimulatedControllerOptions(Ddc264Chips: 2));
        var folder = Scratch();
        var topology = OneModuleTopology(folder, controller);
        var database = Path.Combine(folder, "calibration.db");
        StoreConstants(database, "HIL-0001", rows: 2, new uint[128], temperatureCelsius: 45);
        var output = Path.Combine(folder, "run.nxs");

        var run = CommandLineRun.Of("acquire", "--config", topology, "--out", output, "--lookup", "--db", database);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.Contain("HIL-0001"));
        Assert.That(File.Exists(output), Is.False);
    }

    [Test]
    public void Acquire_WithConstantsOfAnotherShape_IsOneErrorLineNamingBoth()
    {
        using var controller = new SimulatedController(new SimulatedControllerOptions(Ddc264Chips: 2));
        var folder = Scratch();
        var topology = OneModuleTopology(folder, controller);
        var database = Path.Combine(folder, "calibration.db");
        StoreConstants(database, "OTHER", rows: 1, new uint[64]);

        var output = Path.Combine(folder, "run.nxs");
        var run = CommandLineRun.Of("acquire", "--config", topology, "--out", output, "--constants", "0=1", "--db", database);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.Contain("constants of OTHER are for 1 x 64 channels, module 0 has 2 x 64"));
        Assert.That(File.Exists(output), Is.False);
    }

    [TestCase("7=1", "'7' is not a module id of the detector (0)")]
    [TestCase("0=1 0=2", "--constants names module 0 twice")]
    public void Acquire_WithConstantsForTheWrongModules_IsAUsageError(string constants, string message)
    {
        using var controller = new SimulatedController(new SimulatedControllerOptions(Ddc264Chips: 2));
        var folder = Scratch();
        var topology = OneModuleTopology(folder, controller);
        var database = Path.Combine(folder, "calibration.db");
        StoreConstants(database, "HIL-0001", rows: 2, new uint[128]);

        string[] arguments = ["acquire", "--config", topology, "--out", Path.Combine(folder, "run.nxs"), "--db", database, "--constants", .. constants.Split(' ')];
        var run = CommandLineRun.Of(arguments);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain(message));
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

    // Ideal-chip constants: offset 0 and gain 1 for every channel of a module of rows × 64 channels.
    private static long StoreConstants(string database, string serial, int rows, uint[] badChannels, double temperatureCelsius = 31.5)
    {
        using var store = new SqliteCalibrationStore(database);
        return store.Store(new CalibrationConstants
        {
            ModuleSerial = serial,
            Conditions = new CalibrationConditions(temperatureCelsius, 1_000_000, "150pC"),
            ValidFrom = DateTimeOffset.UnixEpoch,
            Station = "test",
            SoftwareVersion = "test",
            Rows = rows,
            Columns = 64,
            Offset = new float[rows * 64],
            Noise = Enumerable.Repeat(1f, rows * 64).ToArray(),
            Gain = Enumerable.Repeat(1f, rows * 64).ToArray(),
            BadChannels = badChannels,
        });
    }

    private static string Scratch()
    {
        var folder = Path.Combine(Path.GetTempPath(), "detdaq-acquire", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string OneModuleTopology(string folder, SimulatedController controller)
    {
        var topology = Path.Combine(folder, "detector.yaml");
        File.WriteAllText(topology, $"""
            detector_id: 3
            rows: 2
            columns: 64
            modules:
              - {ModuleYaml(0, controller, 0)}
            """);
        return topology;
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using DetectorDaq.Cli.Commands.Demo;

namespace DetectorDaq.Cli.Tests;

/// <summary>The main job and the acquisition verbs, checked with h5py/numpy/pyzmq rather than our own readers.</summary>
public class AcquisitionCommandTests
{
    private static string Tooth => Path.Combine(TestFolders.RepositoryRoot, "hil", "recordings", "tooth.h5");

    // The flat-field formula computed by NumPy on the original scan: the reference every path must meet.
    private const string CompareWithReference = """
        import sys, h5py, numpy as np
        tooth, produced, tolerance = sys.argv[1], sys.argv[2], float(sys.argv[3])
        t = h5py.File(tooth, 'r')
        p = t['/exchange/data'][...].astype(np.float32)
        d = t['/exchange/data_dark'][...].astype(np.float32).mean(axis=0)
        f = t['/exchange/data_white'][...].astype(np.float32).mean(axis=0)
        reference = (p - d) / np.maximum(f - d, np.float32(1e-6))
        out = h5py.File(produced, 'r')
        calibrated = out['/entry/calibrated/data'][...]
        if 'instrument' in out['/entry']:
            keys = out['/entry/instrument/detector/image_key'][...]
            calibrated = calibrated[keys == 0]
        error = np.abs(calibrated - reference) / np.maximum(np.abs(reference), 1e-3)
        print(float(error.max()))
        sys.exit(0 if calibrated.shape == reference.shape and error.max() <= tolerance else 1)
        """;

    [Test]
    public void Demo_WritesANexusFileThatH5pyReads_WithDarksFlatsProjectionsAndFiniteCalibratedData()
    {
        var folder = TestFolders.NewFolder();

        var run = CommandLineRun.Of("demo", "--out", folder);

        Assert.That(run.ExitCode, Is.Zero, run.Output + run.Error);
        var file = ScanFile(folder);
        var report = Python.Run("""
            import sys, json, h5py, numpy as np
            f = h5py.File(sys.argv[1], 'r')
            det = f['/entry/instrument/detector']
            keys = det['image_key'][...]
            cal = f['/entry/calibrated/data'][...]
            print(json.dumps({
              'entry_class': f['/entry'].attrs['NX_class'].decode() if isinstance(f['/entry'].attrs['NX_class'], bytes) else str(f['/entry'].attrs['NX_class']),
              'detector_class': str(det.attrs['NX_class']),
              'shape': list(det['data'].shape), 'dtype': str(det['data'].dtype),
              'keys': sorted(set(int(k) for k in keys)),
              'complete': int(det['frame_complete'][...].sum()),
              'frame_numbers_ok': bool((det['frame_number'][...] == np.arange(len(keys))).all()),
              'projections_finite': bool(np.isfinite(cal[keys == 0]).all()),
              'calibrated_dtype': str(cal.dtype),
              'data_link_same': bool((f['/entry/data/data'][...] == det['data'][...]).all()),
            }))
            """, file);

        using var json = JsonDocument.Parse(report);
        var root = json.RootElement;
        Assert.That(root.GetProperty("entry_class").GetString(), Is.EqualTo("NXentry"));
        Assert.That(root.GetProperty("detector_class").GetString(), Is.EqualTo("NXdetector"));
        Assert.That(root.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()), Is.EqualTo(new[] { 201, 2, 640 }));
        Assert.That(root.GetProperty("dtype").GetString(), Is.EqualTo("int32"));
        Assert.That(root.GetProperty("keys").EnumerateArray().Select(e => e.GetInt32()), Is.EqualTo(new[] { 0, 1, 2 }));
        Assert.That(root.GetProperty("complete").GetInt32(), Is.EqualTo(201));
        Assert.That(root.GetProperty("frame_numbers_ok").GetBoolean(), Is.True);
        Assert.That(root.GetProperty("projections_finite").GetBoolean(), Is.True);
        Assert.That(root.GetProperty("calibrated_dtype").GetString(), Is.EqualTo("float32"));
        Assert.That(root.GetProperty("data_link_same").GetBoolean(), Is.True);
        Assert.That(run.Output, Does.Contain("201 of 201 written"));
    }

    [Test]
    public void Demo_CalibratesItsModulesIntoTheDatabase_AndTheCalibratedScanMatchesTheRecordedTransmission()
    {
        var folder = TestFolders.NewFolder();

        var run = CommandLineRun.Of("demo", "--out", folder, "--modules", "4");

        Assert.That(run.ExitCode, Is.Zero, run.Output + run.Error);
        // The demo's last module has a dead and a noisy channel: found with their own flags, and nothing else anywhere.
        Assert.That(run.Output, Does.Contain($"REPLAY-3: version 4, 31.5 °C, 2 bad channels: {DemoCommand.DeadChannel} Dead, {DemoCommand.NoisyChannel} NoiseOutOfRange"));
        Assert.That(run.Output, Does.Contain("REPLAY-0: version 1, 31.5 °C, 0 bad channels"));
        Assert.That(run.Output, Does.Contain("module 3: REPLAY-3 at 3").And.Contain("→ version 4 ("));
        var list = CommandLineRun.Of("cal", "list", "--db", Path.Combine(folder, "calibration.db"));
        Assert.That(list.Output, Does.Contain("REPLAY-0").And.Contain("2x160x2"));
        // The stated tolerance: 1e-3 in transmission on every good pixel of the tooth scan.
        var maximum = System.Text.RegularExpressions.Regex.Match(run.Output, @"max ([0-9.e+-]+)").Groups[1].Value;
        TestContext.Out.WriteLine(run.Output.Split('\n').Last(line => line.StartsWith("[3/3]", StringComparison.Ordinal)));
        Assert.That(double.Parse(maximum, System.Globalization.CultureInfo.InvariantCulture), Is.LessThan(1e-3));
        var version = Python.Run("import sys, h5py; print(h5py.File(sys.argv[1], 'r')['/entry/calibrated/calibration_version'][()].decode())", ScanFile(folder));
        Assert.That(version.Trim().Split(',').Select(label => label.Split(':')[0]), Is.EqualTo(new[] { "REPLAY-0", "REPLAY-1", "REPLAY-2", "REPLAY-3" }));
    }

    [Test]
    public void Demo_WithAModuleCountTheImageDoesNotSplitInto_IsOneUsageErrorLine()
    {
        var run = CommandLineRun.Of("demo", "--out", TestFolders.NewFolder(), "--modules", "3");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.Contain("3"));
    }

    [Test]
    public void CalibrateFlatField_OnTheToothScan_MatchesTheFormulaWithin1e4()
    {
        var output = Path.Combine(TestFolders.NewFolder(), "tooth-ff.nxs");

        var run = CommandLineRun.Of("calibrate", "flatfield", "--input", Tooth, "--output", output);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        TestContext.Out.WriteLine("max relative error: " + Python.Run(CompareWithReference, Tooth, output, "1e-4"));
    }

    [Test]
    public void HilReplay_ThenFlatField_MatchesTheToothReferenceWithin2e3()
    {
        var folder = TestFolders.NewFolder();
        var replayed = Path.Combine(folder, "replay.nxs");
        var corrected = Path.Combine(folder, "replay-ff.nxs");

        var replay = CommandLineRun.Of("hil", "replay", "--recording", Tooth, "--output", replayed, "--modules", "4");
        var flatField = CommandLineRun.Of("calibrate", "flatfield", "--input", replayed, "--output", corrected);

        Assert.That(replay.ExitCode, Is.Zero, replay.Output + replay.Error);
        Assert.That(flatField.ExitCode, Is.Zero, flatField.Error);
        TestContext.Out.WriteLine("offline: " + Python.Run(CompareWithReference, Tooth, corrected, "2e-3"));
        TestContext.Out.WriteLine("in-stream: " + Python.Run(CompareWithReference, Tooth, replayed, "2e-3"));
    }

    [Test]
    public void DemoStream_IsReceivedByAPyzmqSubscriber()
    {
        var port = FreePort();
        using var subscriber = Python.Start("""
            import sys, json, zmq, numpy as np
            context = zmq.Context()
            socket = context.socket(zmq.SUB)
            socket.setsockopt(zmq.RECONNECT_IVL, 10)
            socket.setsockopt(zmq.RCVHWM, 100000)
            socket.setsockopt(zmq.SUBSCRIBE, b'')
            socket.setsockopt(zmq.RCVTIMEO, 20000)
            socket.connect(sys.argv[1])
            print('ready', flush=True)
            frames, keys, dtypes, problems = 0, set(), set(), []
            while True:
                parts = socket.recv_multipart()
                header = json.loads(parts[0])
                if header['htype'].startswith('series_end'):
                    break
                data = np.frombuffer(parts[1], dtype=header['dtype']).reshape(header['shape'])
                if data.shape != (2, 640) or header['frame_number'] != frames:
                    problems.append((header['frame_number'], data.shape))
                keys.add(header['image_key'])
                dtypes.add('%d:%s' % (header['image_key'], header['dtype']))
                frames += 1
            print(json.dumps({'frames': frames, 'keys': sorted(keys), 'dtypes': sorted(dtypes), 'problems': problems[:5]}), flush=True)
            """, $"tcp://127.0.0.1:{port}");
        Assert.That(subscriber.StandardOutput.ReadLine(), Is.EqualTo("ready"));

        var run = CommandLineRun.Of("demo", "--out", TestFolders.NewFolder(), "--stream", $"tcp://127.0.0.1:{port}");

        var result = subscriber.StandardOutput.ReadLine();
        subscriber.WaitForExit(20_000);
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(result, Is.Not.Null, subscriber.StandardError.ReadToEnd());
        using var json = JsonDocument.Parse(result!);
        Assert.That(json.RootElement.GetProperty("frames").GetInt32(), Is.EqualTo(201));
        Assert.That(json.RootElement.GetProperty("keys").EnumerateArray().Select(e => e.GetInt32()), Is.EqualTo(new[] { 0, 1, 2 }));
        Assert.That(json.RootElement.GetProperty("problems").GetArrayLength(), Is.Zero);
        // Darks and flats come first, so every projection is flat-fielded in the stream and published as such.
        Assert.That(json.RootElement.GetProperty("dtypes").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "0:float32", "1:int32", "2:int32" }));
    }

    [TestCase("garbage")]
    [TestCase("empty")]
    [TestCase("truncated")]
    [TestCase("text")]
    public void GarbageFiles_AreRejectedWithOneLineAndANonZeroExit(string kind)
    {
        var folder = TestFolders.NewFolder();
        var input = Path.Combine(folder, "input.h5");
        switch (kind)
        {
            case "garbage": File.WriteAllBytes(input, Enumerable.Range(0, 4096).Select(i => (byte)(i * 37)).ToArray()); break;
            case "empty": File.WriteAllBytes(input, []); break;
            case "truncated": File.WriteAllBytes(input, File.ReadAllBytes(Tooth).AsSpan(0, 300_000).ToArray()); break;
            default: File.WriteAllText(input, "frame,value\n1,2\n"); break;
        }

        foreach (var args in new[]
        {
            new[] { "calibrate", "flatfield", "--input", input, "--output", Path.Combine(folder, "ff.nxs") },
            new[] { "hil", "replay", "--recording", input, "--output", Path.Combine(folder, "replay.nxs") },
        })
        {
            var run = CommandLineRun.Of(args);

            Assert.That(run.ExitCode, Is.Not.Zero, string.Join(' ', args));
            Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1), run.Error);
            Assert.That(run.Error, Does.StartWith("error: ").And.Not.Contain("   at "));
        }
    }

    [Test]
    public void HilRun_ExampleScenario_WritesAJUnitReportAndPasses()
    {
        var folder = TestFolders.NewFolder();
        var junit = Path.Combine(folder, "junit.xml");
        var scenario = Path.Combine(TestFolders.RepositoryRoot, "hil", "scenarios", "packet-loss.yaml");

        var run = CommandLineRun.Of("hil", "run", scenario, "--junit", junit, "--out", folder);

        Assert.That(run.ExitCode, Is.Zero, run.Output);
        var counts = Python.Run("""
            import sys, xml.etree.ElementTree as ET
            root = ET.parse(sys.argv[1]).getroot()
            suites = [root] if root.tag == 'testsuite' else root.findall('testsuite')
            print(sum(int(s.get('tests')) for s in suites), sum(int(s.get('failures')) for s in suites))
            """, junit).Split();
        Assert.That(int.Parse(counts[0]), Is.GreaterThan(1));
        Assert.That(counts[1], Is.EqualTo("0"));
    }


    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // The demo writes its scan and, beside it, the calibration acquisition (…-calibration.nxs).
    private static string ScanFile(string folder) =>
        Directory.GetFiles(folder, "detdaq-demo-*.nxs").Single(path => !path.EndsWith("-calibration.nxs", StringComparison.Ordinal));
}

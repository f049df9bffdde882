using System.Diagnostics;
using System.Globalization;
using DetectorDaq.Calibration.Constants;
using DetectorDaq.Files.Constants;

namespace DetectorDaq.CalibrationDb.Tests;

/// <summary>The one HDF5 layout of calibration constants (<see cref="ConstantsFile"/>), read back here and by h5py.</summary>
public sealed class ConstantsFileTests
{
    private const string Python = "/usr/bin/python3";
    private static readonly DateTimeOffset ValidFrom = new DateTimeOffset(2026, 5, 6, 7, 8, 9, TimeSpan.FromHours(-5)).AddTicks(42);
    private static readonly ConstantsOrigin Origin = new(42, new DateTimeOffset(2026, 5, 7, 1, 2, 3, TimeSpan.Zero).AddTicks(7));
    private string _directory = null!;
    private string _file = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Directory.CreateTempSubdirectory("detdaq-constants-").FullName;
        _file = Path.Combine(_directory, "constants.h5");
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void ReadOfWrite_GivesEveryMemberBitForBit_AndTheDatabaseOrigin()
    {
        var constants = TestConstants.Create("M-hdf5", ValidFrom);

        ConstantsFile.Write(_file, constants, Origin);
        var read = ConstantsFile.Read(_file, out var origin);

        TestConstants.AssertBitExact(read, constants);
        Assert.That(origin, Is.EqualTo(Origin));
        Assert.That(origin!.CreatedAt.Offset, Is.EqualTo(Origin.CreatedAt.Offset));
    }

    [Test]
    public void ConstantsWithoutNonlinearityLagOrOrigin_RoundTripWithEmptyArraysAndNoOrigin()
    {
        var constants = TestConstants.Create("M-plain", ValidFrom) with { Nonlinearity = [], NonlinearityOrder = 0, LagAmplitudes = [], LagRates = [], Sides = 1 };
        constants = constants with { Offset = constants.Offset[..12], Noise = constants.Noise[..12], Gain = constants.Gain[..12] };

        ConstantsFile.Write(_file, constants);
        var read = ConstantsFile.Read(_file, out var origin);

        TestConstants.AssertBitExact(read, constants);
        Assert.That(origin, Is.Null);
        Assert.That(RunH5py("""print(sorted(g))"""), Is.EqualTo(new[] { "['bad_channels', 'gain', 'noise', 'offset']" }));
    }

    [Test]
    public void WrittenFile_ShowsTheDocumentedLayoutInH5py()
    {
        var constants = TestConstants.Create("M-h5py", ValidFrom);
        ConstantsFile.Write(_file, constants, Origin);

        var lines = RunH5py(
            """
            for name in sorted(g):
                d = g[name]
                print(f"dataset {name} {d.dtype} {d.shape} units={text(d.attrs.get('units', '-'))}")
            for name in sorted(g.attrs):
                v = g.attrs[name]
                print(f"attr {name} {'str' if isinstance(v, (bytes, str)) else v.dtype} {text(v)}")
            b = g["bad_channels"]
            print("flag_masks", list(int(m) for m in b.attrs["flag_masks"]), b.attrs["flag_masks"].dtype)
            print("flag_meanings", text(b.attrs["flag_meanings"]))
            print(f"value offset[1,2,3] {float(g['offset'][1,2,3])!r} nonlinearity[1,0,1,2] {float(g['nonlinearity'][1,0,1,2])!r} bad[1,3] {g['bad_channels'][1,3]}")
            """);

        var invariant = CultureInfo.InvariantCulture;
        Assert.That(lines, Is.EqualTo(new[]
        {
            "dataset bad_channels uint32 (3, 4) units=-",
            "dataset gain float32 (2, 3, 4) units=1",
            "dataset lag_amplitudes float32 (2,) units=1",
            "dataset lag_rates float32 (2,) units=1/frame",
            "dataset noise float32 (2, 3, 4) units=codes",
            "dataset nonlinearity float32 (2, 3, 4, 3) units=1",
            "dataset offset float32 (2, 3, 4) units=codes",
            "attr columns int32 4",
            "attr created_at str 2026-05-07T01:02:03.0000007+00:00",
            "attr format_version int32 1",
            "attr integration_period_ns int64 1000000",
            "attr module_serial str M-h5py",
            "attr nonlinearity_order int32 2",
            "attr range str 150pC",
            "attr rows int32 3",
            "attr sides int32 2",
            "attr software_version str 1.2.3+abc",
            "attr station str station-7",
            "attr temperature_celsius float64 25.0",
            "attr valid_from str 2026-05-06T07:08:09.0000042-05:00",
            "attr version_id int64 42",
            "flag_masks [1, 2, 4, 8, 16, 32, 64, 128, 256, 512] uint32",
            "flag_meanings OffsetOutOfRange NoiseOutOfRange NoDarkData GainOutOfRange NonlinearResponse Dead Stuck Saturated ValueNaN Interpolated",
            string.Create(invariant, $"value offset[1,2,3] {(double)constants.Offset[constants.Index(11, 1)]:R} nonlinearity[1,0,1,2] {(double)constants.Nonlinearity[(constants.Index(1, 1) * 3) + 2]:R} bad[1,3] {constants.BadChannels[7]}"),
        }));
    }

    [Test]
    public void FileWrittenByH5py_IsRead()
    {
        // An independent writer of the documented layout: attributes and datasets only, no dataset attributes.
        RunPython(
            """
            import sys, h5py, numpy as np
            with h5py.File(sys.argv[1], "w") as f:
                g = f.create_group("calibration_constants")
                for k, v in [("format_version", np.int32(1)), ("rows", np.int32(1)), ("columns", np.int32(2)), ("sides", np.int32(2)), ("nonlinearity_order", np.int32(0)),
                             ("temperature_celsius", 31.5), ("integration_period_ns", np.int64(100000)), ("range", "50pC"), ("module_serial", "PY-1"),
                             ("valid_from", "2026-01-02T03:04:05.0000000+01:00"), ("station", "S"), ("software_version", "py")]:
                    g.attrs[k] = v
                g["offset"] = np.array([[[10, 11]], [[20, 21]]], dtype=np.float32)
                g["noise"] = np.ones((2, 1, 2), dtype=np.float32)
                g["gain"] = np.full((2, 1, 2), 1.25, dtype=np.float32)
                g["bad_channels"] = np.array([[0, 32]], dtype=np.uint32)
            """,
            _file);

        var read = ConstantsFile.Read(_file, out var origin);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((read.ModuleSerial, read.Rows, read.Columns, read.Sides, read.NonlinearityOrder), Is.EqualTo(("PY-1", 1, 2, 2, 0)));
            Assert.That(read.Conditions, Is.EqualTo(new CalibrationConditions(31.5, 100_000, "50pC")));
            Assert.That(read.ValidFrom, Is.EqualTo(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(1))));
            Assert.That(read.Offset, Is.EqualTo(new float[] { 10, 11, 20, 21 }));
            Assert.That(read.Offset[read.Index(1, 1)], Is.EqualTo(21f));
            Assert.That(read.BadChannels, Is.EqualTo(new uint[] { 0, (uint)BadChannelFlags.Dead }));
            Assert.That(origin, Is.Null);
        }
    }

    [TestCase("del g['offset']; g['offset'] = np.zeros((4, 3, 2), np.float32)", "/calibration_constants: offset has shape [4, 3, 2], expected [2, 3, 4]")]
    [TestCase("del g['gain']; g['gain'] = np.zeros((2, 3, 4))", "/calibration_constants: gain is FloatingPoint of 8 bytes, expected float32")]
    [TestCase("del g['bad_channels']; g['bad_channels'] = np.zeros((3, 4), np.int32)", "/calibration_constants: bad_channels is FixedPoint of 4 bytes, expected uint32")]
    [TestCase("del g['noise']", "/calibration_constants: no dataset noise")]
    [TestCase("del g.attrs['range']", "/calibration_constants: no attribute range")]
    [TestCase("g.attrs['format_version'] = np.int32(2)", "/calibration_constants: format_version 2 is not the version 1 this software reads")]
    [TestCase("g.attrs['valid_from'] = 'yesterday'", "/calibration_constants: valid_from 'yesterday' is not an ISO 8601 round-trip time")]
    [TestCase("g.attrs['sides'] = np.int32(3)", "/calibration_constants: layout 3 rows x 4 columns x 3 sides with nonlinearity order 2 is not valid")]
    [TestCase("f.move('calibration_constants', 'other')", "no /calibration_constants group: not a calibration constants file")]
    [TestCase("f.move('calibration_constants', 'constants')", "no /calibration_constants group: not a calibration constants file (/constants is an earlier layout, no longer read: write the constants again or export them from the database)")]
    public void DamagedOrForeignFile_IsRejectedWithOneLineNamingTheFileAndTheMember(string damage, string problem)
    {
        ConstantsFile.Write(_file, TestConstants.Create("M-bad", ValidFrom), Origin);
        RunPython($"import sys, h5py, numpy as np\nwith h5py.File(sys.argv[1], 'r+') as f:\n    g = f['calibration_constants']\n    {damage}\n", _file);

        var exception = Assert.Throws<ConstantsFileException>(() => ConstantsFile.Read(_file));

        Assert.That(exception!.Message, Is.EqualTo($"{_file}: {problem}"));
    }

    [Test]
    public void WhenTheFileIsNotHdf5OrMissing_ReadNamesTheFileOnOneLine()
    {
        File.WriteAllText(_file, "not an HDF5 file");
        var missing = Path.Combine(_directory, "missing.h5");

        var garbage = Assert.Throws<ConstantsFileException>(() => ConstantsFile.Read(_file));
        var absent = Assert.Throws<ConstantsFileException>(() => ConstantsFile.Read(missing));

        Assert.That(garbage!.Message, Does.StartWith($"{_file}: not a readable HDF5 file").And.Not.Contain("\n"));
        Assert.That(absent!.Message, Is.EqualTo($"{missing}: file not found"));
    }

    [Test]
    public void FailedWrite_LeavesTheExistingFile()
    {
        var constants = TestConstants.Create("M-keep", ValidFrom);
        ConstantsFile.Write(_file, constants);
        Directory.CreateDirectory(_file + ".partial");

        Assert.Throws<ConstantsFileException>(() => ConstantsFile.Write(_file, constants with { ModuleSerial = "M-new" }));

        Assert.That(ConstantsFile.Read(_file).ModuleSerial, Is.EqualTo("M-keep"));
    }

    // Runs a script body with `g` = /calibration_constants and `text` decoding bytes.
    private string[] RunH5py(string body)
    {
        var indented = string.Join('\n', body.Split('\n').Select(line => "    " + line));
        var script = "import sys, h5py\ntext = lambda v: v.decode() if isinstance(v, bytes) else v\nwith h5py.File(sys.argv[1], 'r') as f:\n    g = f['calibration_constants']\n" + indented + "\n";
        return RunPython(script, _file);
    }

    private static string[] RunPython(string script, string file)
    {
        if (!File.Exists(Python))
        {
            Assert.Fail($"{Python} with h5py is needed to cross-check HDF5 files (Debian: apt-get install python3-h5py)");
        }

        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(file);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"python failed: {error.Result}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}

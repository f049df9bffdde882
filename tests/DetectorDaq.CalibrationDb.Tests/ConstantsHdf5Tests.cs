using System.Diagnostics;

namespace DetectorDaq.CalibrationDb.Tests;

public sealed class ConstantsHdf5Tests
{
    private const string Python = "/usr/bin/python3";
    private static readonly DateTimeOffset ValidFrom = new DateTimeOffset(2026, 5, 6, 7, 8, 9, TimeSpan.FromHours(-5)).AddTicks(42);
    private StoreUnderTest _database = null!;
    private string _file = null!;

    [SetUp]
    public void OpenStore()
    {
        _database = StoreUnderTest.Create(StoreKind.Sqlite);
        _file = Path.Combine(Path.GetTempPath(), $"detdaq-constants-{Guid.NewGuid():N}.h5");
    }

    [TearDown]
    public void CloseStore()
    {
        _database.Dispose();
        File.Delete(_file);
    }

    [Test]
    public void ImportOfExport_GivesTheSameConstantsBitForBit()
    {
        var constants = TestConstants.Create("M-hdf5", ValidFrom);
        var id = _database.Store.Store(constants);

        ConstantsHdf5.Export(_database.Store, id, _file);
        var imported = ConstantsHdf5.Import(_file);

        TestConstants.AssertBitExact(imported, constants);
    }

    [Test]
    public void ExportedFile_ShowsTheDocumentedLayoutInH5py()
    {
        var constants = TestConstants.Create("M-h5py", ValidFrom);
        var id = _database.Store.Store(constants);
        ConstantsHdf5.Export(_database.Store, id, _file);

        var lines = RunH5py(
            """
            import sys, h5py
            with h5py.File(sys.argv[1], "r") as f:
                g = f["calibration_constants"]
                for name in sorted(g):
                    print(f"dataset {name} {g[name].dtype} {g[name].shape}")
                for name in sorted(g.attrs):
                    v = g.attrs[name]
                    print(f"attr {name} {v.decode() if isinstance(v, bytes) else v}")
                print(f"value offset[1,2,3] {g['offset'][1,2,3]!r} bad[1,3] {g['bad_channels'][1,3]}")
            """);

        Assert.That(lines, Is.SupersetOf(new[]
        {
            "dataset bad_channels uint32 (3, 4)",
            "dataset gain float32 (2, 3, 4)",
            "dataset lag_amplitudes float32 (2,)",
            "dataset lag_rates float32 (2,)",
            "dataset noise float32 (2, 3, 4)",
            "dataset nonlinearity float32 (2, 3, 4, 3)",
            "dataset offset float32 (2, 3, 4)",
            "attr format_version 1",
            "attr module_serial M-h5py",
            "attr valid_from 2026-05-06T07:08:09.0000042-05:00",
            "attr temperature_celsius 25.0",
            "attr integration_period_ns 1000000",
            "attr range 150pC",
            "attr station station-7",
            "attr software_version 1.2.3+abc",
            "attr rows 3",
            "attr columns 4",
            "attr sides 2",
            "attr nonlinearity_order 2",
            $"attr version_id {id}",
            $"value offset[1,2,3] {constants.Offset[constants.Index(11, 1)].ToString("R", System.Globalization.CultureInfo.InvariantCulture)} bad[1,3] {constants.BadChannels[7]}",
        }));
    }

    [Test]
    public void WhenTheFileIsNotHdf5_ImportNamesTheFile()
    {
        File.WriteAllText(_file, "not an HDF5 file");

        var exception = Assert.Throws<CalibrationStoreException>(() => ConstantsHdf5.Import(_file));

        Assert.That(exception!.Message, Does.StartWith(_file).And.Not.Contain("\n"));
    }

    [Test]
    public void WhenTheFileHasNoConstantsGroup_ImportSaysSo()
    {
        new PureHDF.H5File { ["other"] = new PureHDF.H5Group() }.Write(_file);

        var exception = Assert.Throws<CalibrationStoreException>(() => ConstantsHdf5.Import(_file));

        Assert.That(exception!.Message, Is.EqualTo($"{_file}: no /calibration_constants or /constants group: not a calibration constants file"));
    }

    [Test]
    public void FileOfTheCalibrationChain_IsImportedBitForBit()
    {
        var constants = TestConstants.Create("M-chain", ValidFrom);
        Files.Constants.ConstantsFile.Write(_file, constants);

        var imported = ConstantsHdf5.Import(_file);

        TestConstants.AssertBitExact(imported, constants);
    }

    private string[] RunH5py(string script)
    {
        if (!File.Exists(Python))
        {
            Assert.Fail($"{Python} with h5py is needed to cross-check HDF5 files (Debian: apt-get install python3-h5py)");
        }

        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(_file);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"h5py failed: {error}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}

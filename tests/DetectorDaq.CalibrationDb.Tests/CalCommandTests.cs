using DetectorDaq.Calibration.Constants;
using DetectorDaq.Cli;
using DetectorDaq.Files;
using DetectorDaq.Frames;
using PureHDF;

namespace DetectorDaq.CalibrationDb.Tests;

public sealed class CalCommandTests
{
    private string _directory = null!;
    private string _database = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"detdaq-cal-cli-{Guid.NewGuid():N}");
        _database = Path.Combine(_directory, "calibration.db");
    }

    [TearDown]
    public void DeleteDirectory()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Test]
    public void List_ShowsEveryVersionOfTheModule()
    {
        var id = StoreOne("M-list");
        StoreOne("M-other");

        var (code, output, _) = Run("cal", "list", "--db", _database, "--module", "M-list");

        Assert.That(code, Is.EqualTo(ExitCodes.Success));
        Assert.That(output, Does.Contain("M-list").And.Contain("150pC").And.Contain("2026-01-02 03:04:05 +00:00").And.Not.Contain("M-other"));
        Assert.That(output, Does.Contain($"│ {id} "));
    }

    [TestCase("prior", "2026-03-01T00:00:00Z", 29.0, "V-FEB")]
    [TestCase("closest", "2026-03-01T00:00:00Z", 29.0, "V-APR")]
    [TestCase("prior", "2026-03-01T00:00:00Z", 25.0, "V-JAN")]
    public void Find_PicksTheVersionACalCatLookupWould(string mode, string at, double temperature, string expectedStation)
    {
        using (var store = new SqliteCalibrationStore(_database))
        {
            store.Store(TestConstants.Create("M-find", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new CalibrationConditions(25, 1_000_000, "150pC")) with { Station = "V-JAN" });
            store.Store(TestConstants.Create("M-find", new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), new CalibrationConditions(30, 1_000_000, "150pC")) with { Station = "V-FEB" });
            store.Store(TestConstants.Create("M-find", new DateTimeOffset(2026, 3, 5, 0, 0, 0, TimeSpan.Zero), new CalibrationConditions(30, 1_000_000, "150pC")) with { Station = "V-APR" });
            store.Store(TestConstants.Create("M-find", new DateTimeOffset(2026, 2, 20, 0, 0, 0, TimeSpan.Zero), new CalibrationConditions(30, 1_000_000, "50pC")) with { Station = "V-RANGE" });
        }

        var (code, output, error) = Run("cal", "find", "--db", _database, "--module", "M-find", "--temperature", temperature.ToString(System.Globalization.CultureInfo.InvariantCulture), "--integration-us", "1000", "--range", "150pC", "--at", at, "--mode", mode);

        Assert.That(code, Is.EqualTo(ExitCodes.Success), error);
        Assert.That(output, Does.Contain(expectedStation));
        Assert.That(output.Split('\n').Count(line => line.Contains("M-find", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public void Find_WithoutAMatchingVersion_FailsWithOneLine()
    {
        StoreOne("M-none");

        var (code, _, error) = Run("cal", "find", "--db", _database, "--module", "M-none", "--temperature", "60", "--integration-us", "1000", "--range", "150pC");

        Assert.That(code, Is.EqualTo(ExitCodes.Failure));
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(error, Does.Contain("M-none"));
    }

    [Test]
    public void Show_PrintsMetadataMediansAndBadChannelsByFlag()
    {
        var id = StoreOne("M-show");

        var (code, output, _) = Run("cal", "show", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", _database);

        Assert.That(code, Is.EqualTo(ExitCodes.Success));
        Assert.That(output, Does.Contain("module             M-show"));
        Assert.That(output, Does.Contain("conditions         25 °C, 1000000 ns, range 150pC"));
        Assert.That(output, Does.Contain("median gain        1.5"));
        Assert.That(output, Does.Contain("bad channels       2 of 6"));
        Assert.That(output, Does.Contain("  Dead               2"));
        Assert.That(output, Does.Contain("  Interpolated       1"));
    }

    [Test]
    public void ExportThenImport_StoresANewVersionWithTheSameConstants()
    {
        var id = StoreOne("M-export");
        var file = Path.Combine(_directory, "constants.h5");

        var exported = Run("cal", "export", $"{id}", "--output", file, "--db", _database);
        var imported = Run("cal", "import", file, "--db", _database);

        Assert.That(exported.Code, Is.EqualTo(ExitCodes.Success), exported.Error);
        Assert.That(imported.Code, Is.EqualTo(ExitCodes.Success), imported.Error);
        Assert.That(imported.Output, Does.Contain($"as version {id + 1} of module M-export"));
        using var store = new SqliteCalibrationStore(_database);
        TestConstants.AssertBitExact(store.Get(id + 1).Constants, store.Get(id).Constants);
    }

    [Test]
    public void ExportedConstants_AreAppliedByCalibrateApply_WithEachFramesRecordedSide()
    {
        // Side B reads 200 codes above side A; the recorded sides (A A B B …) are not the frame-index parity,
        // so a side taken from the index would leave 200-code errors in half of the frames.
        float[] transmission = [0.2f, 0.4f, 0.6f, 0.8f];
        using (var store = new SqliteCalibrationStore(_database))
        {
            store.Store(new CalibrationConstants
            {
                ModuleSerial = "M-apply",
                Conditions = TestConstants.Conditions,
                ValidFrom = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
                Station = "station-7",
                SoftwareVersion = "test",
                Rows = 1,
                Columns = 4,
                Sides = 2,
                Offset = [100, 100, 100, 100, 300, 300, 300, 300],
                Noise = [2, 2, 2, 2, 2, 2, 2, 2],
                Gain = [1, 1, 1, 1, 1, 1, 1, 1],
                BadChannels = [0, 0, 0, 0],
            });
        }

        var input = Path.Combine(_directory, "scan.nxs");
        var geometry = DetectorGeometry.ColumnStrips(rows: 1, columns: 4, moduleCount: 1);
        using (var writer = new NexusWriter(input, geometry, new NexusWriterOptions { ExpectedFrames = 8 }))
        {
            var frame = new DetectorFrame(geometry);
            for (var number = 0; number < 8; number++)
            {
                frame.FrameNumber = (ulong)number;
                frame.ImageKey = number < 4 ? ImageKey.Flat : ImageKey.Projection;
                frame.IntegratorSideB = number / 2 % 2 == 1;
                frame.Complete = true;
                for (var channel = 0; channel < 4; channel++)
                {
                    var signal = number < 4 ? 1000 : 1000 * transmission[channel];
                    frame.Codes[channel] = (frame.IntegratorSideB ? 300 : 100) + (int)signal;
                }

                writer.Write(frame);
            }
        }

        var constants = Path.Combine(_directory, "exported.h5");
        var output = Path.Combine(_directory, "calibrated.nxs");
        var exported = Run("cal", "export", "1", "--output", constants, "--db", _database);
        var applied = Run("calibrate", "apply", "--input", input, "--output", output, "--constants", constants);

        Assert.That(exported.Code, Is.EqualTo(ExitCodes.Success), exported.Error);
        Assert.That(applied.Code, Is.EqualTo(ExitCodes.Success), applied.Error);
        using var file = H5File.OpenRead(output);
        Assert.That(file.Dataset("entry/calibrated/calibration_version").Read<string>(), Is.EqualTo("M-apply:2026-01-02T03:04:05.0000000+00:00"));
        var calibrated = file.Dataset("entry/calibrated/data").Read<float[]>();
        Assert.That(calibrated, Is.EqualTo(transmission.Concat(transmission).Concat(transmission).Concat(transmission)).Within(1e-6));
    }

    [Test]
    public void WithoutDb_TheDatabaseNamedByTheEnvironmentIsUsed()
    {
        StoreOne("M-environment");
        var previous = Environment.GetEnvironmentVariable("DETDAQ_CALIBRATION_DB");
        Environment.SetEnvironmentVariable("DETDAQ_CALIBRATION_DB", _database);
        try
        {
            var (code, output, _) = Run("cal", "list");

            Assert.That(code, Is.EqualTo(ExitCodes.Success));
            Assert.That(output, Does.Contain("M-environment"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("DETDAQ_CALIBRATION_DB", previous);
        }
    }

    [TestCase("cal", "show", "999")]
    [TestCase("cal", "export", "999", "--output", "out.h5")]
    [TestCase("cal", "import", "missing.h5")]
    public void WhenTheInputIsBad_TheErrorIsOneLine(params string[] args)
    {
        StoreOne("M-error");

        var (code, output, error) = Run([.. args, "--db", _database]);

        Assert.That(code, Is.Not.EqualTo(ExitCodes.Success));
        Assert.That(error, Does.StartWith("error: "));
        Assert.That(error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), error);
        Assert.That(output, Is.Empty);
    }

    private long StoreOne(string serial)
    {
        using var store = new SqliteCalibrationStore(_database);
        var constants = TestConstants.Create(serial, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)) with
        {
            Rows = 2,
            Columns = 3,
            Sides = 1,
            Offset = [100, 102, 104, 106, 108, 110],
            Noise = [2, 2, 3, 3, 4, 4],
            Gain = [1, 1, 1.5f, 1.5f, 2, 2],
            Nonlinearity = [],
            NonlinearityOrder = 0,
            BadChannels = [0, 0x20, 0, (uint)(Calibration.Constants.BadChannelFlags.Dead | Calibration.Constants.BadChannelFlags.Interpolated), 0, 0],
        };
        return store.Store(constants);
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = DetectorDaqCommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}

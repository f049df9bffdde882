using DetectorDaq.Cli;

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

using System.Collections.Concurrent;
using System.Data.Common;
using DetectorDaq.Calibration.Constants;

namespace DetectorDaq.CalibrationDb.Tests;

[TestFixtureSource(nameof(Kinds))]
public sealed class CalibrationStoreTests(StoreKind kind)
{
    public static readonly StoreKind[] Kinds = [StoreKind.Sqlite, StoreKind.Postgres];

    private static readonly DateTimeOffset Day0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private StoreUnderTest _database = null!;

    private ICalibrationStore Store => _database.Store;

    [SetUp]
    public void OpenStore() => _database = StoreUnderTest.Create(kind);

    [TearDown]
    public void CloseStore() => _database?.Dispose();

    [Test]
    public void StoredConstants_ComeBackBitExact()
    {
        var constants = TestConstants.Create(TestConstants.UniqueSerial(), new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(2)).AddTicks(1234567));

        var id = Store.Store(constants);
        var stored = Store.Get(id);

        Assert.That(stored.VersionId, Is.EqualTo(id));
        TestConstants.AssertBitExact(stored.Constants, constants);
    }

    [Test]
    public void StoringTheSameConstantsTwice_GivesTwoVersions_AndLookupTakesTheNewest()
    {
        var serial = TestConstants.UniqueSerial();
        var first = Store.Store(TestConstants.Create(serial, Day0, seed: 1));
        var second = Store.Store(TestConstants.Create(serial, Day0, seed: 2));

        var found = Store.Find(serial, TestConstants.Conditions, Day0.AddDays(1), LookupMode.Prior, ConditionTolerance.Exact);

        Assert.That(second, Is.Not.EqualTo(first));
        Assert.That(found.VersionId, Is.EqualTo(second));
        Assert.That(Store.List(serial).Select(summary => summary.VersionId), Is.EqualTo(new[] { first, second }));
    }

    [TestCase("UPDATE constants_versions SET station = 'forged' WHERE id = {0}")]
    [TestCase("DELETE FROM constants_versions WHERE id = {0}")]
    [TestCase("UPDATE constants_arrays SET data = data WHERE version_id = {0}")]
    [TestCase("DELETE FROM constants_arrays WHERE version_id = {0}")]
    [TestCase("UPDATE modules SET serial = 'forged' WHERE serial = '{1}'")]
    public void WhenAVersionIsChangedThroughTheConnection_TheDatabaseRefuses(string sql)
    {
        var serial = TestConstants.UniqueSerial();
        var constants = TestConstants.Create(serial, Day0);
        var id = Store.Store(constants);

        using (var connection = _database.OpenRawConnection())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, id, serial);
            var refused = Assert.Throws(Is.InstanceOf<DbException>(), () => command.ExecuteNonQuery());
            Assert.That(refused!.Message, Does.Contain("immutable"));
        }

        TestConstants.AssertBitExact(Store.Get(id).Constants, constants);
    }

    // Versions valid from day 10, 20 and 30; expected: the day of the version found, 0 for none.
    [TestCase(5, LookupMode.Prior, 0)]
    [TestCase(5, LookupMode.Closest, 10)]
    [TestCase(10, LookupMode.Prior, 10)]
    [TestCase(14, LookupMode.Closest, 10)]
    [TestCase(15, LookupMode.Closest, 10)]
    [TestCase(16, LookupMode.Closest, 20)]
    [TestCase(19, LookupMode.Prior, 10)]
    [TestCase(25, LookupMode.Prior, 20)]
    [TestCase(26, LookupMode.Closest, 30)]
    [TestCase(40, LookupMode.Prior, 30)]
    [TestCase(40, LookupMode.Closest, 30)]
    public void Lookup_PicksTheVersionByValidFrom(int day, LookupMode mode, int expectedDay)
    {
        var serial = TestConstants.UniqueSerial();
        var ids = new[] { 20, 10, 30 }.ToDictionary(validDay => validDay, validDay => Store.Store(TestConstants.Create(serial, Day0.AddDays(validDay))));

        var matched = Store.TryFind(serial, TestConstants.Conditions, Day0.AddDays(day), mode, ConditionTolerance.Exact, out var found);

        Assert.That(matched, Is.EqualTo(expectedDay != 0));
        Assert.That(found?.VersionId, Is.EqualTo(expectedDay == 0 ? null : ids[expectedDay]));
    }

    [TestCase(25.0, 1_000_000L, "150pC", 0.0, true)]
    [TestCase(27.0, 1_000_000L, "150pC", 2.0, true)]
    [TestCase(23.0, 1_000_000L, "150pC", 2.0, true)]
    [TestCase(27.5, 1_000_000L, "150pC", 2.0, false)]
    [TestCase(25.1, 1_000_000L, "150pC", 0.0, false)]
    [TestCase(25.0, 2_000_000L, "150pC", 10.0, false)]
    [TestCase(25.0, 1_000_000L, "50pC", 10.0, false)]
    public void Lookup_AcceptsTemperatureWithinTolerance_AndNeedsPeriodAndRangeToMatch(double temperature, long period, string range, double tolerance, bool expected)
    {
        var serial = TestConstants.UniqueSerial();
        Store.Store(TestConstants.Create(serial, Day0));

        var matched = Store.TryFind(serial, new CalibrationConditions(temperature, period, range), Day0.AddDays(1), LookupMode.Closest, new ConditionTolerance(tolerance), out _);

        Assert.That(matched, Is.EqualTo(expected));
    }

    [Test]
    public void WhenNothingMatches_FindNamesTheModuleAndConditions()
    {
        var exception = Assert.Throws<CalibrationStoreException>(() =>
            Store.Find("no-such-module", TestConstants.Conditions, Day0, LookupMode.Prior, ConditionTolerance.Exact));

        Assert.That(exception!.Message, Does.Contain("no-such-module").And.Contain("150pC"));
    }

    [Test]
    public void WhenTheVersionDoesNotExist_GetSaysSo()
    {
        var exception = Assert.Throws<CalibrationStoreException>(() => Store.Get(long.MaxValue));

        Assert.That(exception!.Message, Does.Contain($"version {long.MaxValue} does not exist"));
    }

    [Test]
    public void WhenFourWritersStoreAtOnce_NoVersionIsLost()
    {
        const int writers = 4;
        const int storesEach = 25;
        var serial = TestConstants.UniqueSerial();
        var ids = new ConcurrentBag<long>();
        using var start = new Barrier(writers);

        var threads = Enumerable.Range(0, writers).Select(writer => new Thread(() =>
        {
            // Each writer has its own store instance, as separate processes or stations would.
            using var store = _database.OpenStore();
            start.SignalAndWait();
            for (var i = 0; i < storesEach; i++)
            {
                ids.Add(store.Store(TestConstants.Create(serial, Day0.AddMinutes(i), seed: (writer * storesEach) + i)));
            }
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        Assert.That(ids.Distinct().Count(), Is.EqualTo(writers * storesEach));
        Assert.That(Store.List(serial).Select(summary => summary.VersionId), Is.EquivalentTo(ids));
        Assert.That(ids.Select(id => Store.Get(id).Constants.ModuleSerial), Is.All.EqualTo(serial));
    }

    [Test]
    public void WhenTheDatabaseIsOpenedAgain_TheSchemaIsKeptAndVersionOneIsRecorded()
    {
        var id = Store.Store(TestConstants.Create(TestConstants.UniqueSerial(), Day0));

        using (var reopened = _database.OpenStore())
        {
            Assert.That(reopened.Get(id).VersionId, Is.EqualTo(id));
        }

        using var connection = _database.OpenRawConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(version) FROM schema_version";
        Assert.That(Convert.ToInt32(command.ExecuteScalar()), Is.EqualTo(1));
    }

    [Test]
    public void List_FiltersByModule()
    {
        var first = TestConstants.UniqueSerial("A");
        var second = TestConstants.UniqueSerial("B");
        var firstId = Store.Store(TestConstants.Create(first, Day0));
        Store.Store(TestConstants.Create(second, Day0));

        var listed = Store.List(first);

        Assert.That(listed.Select(summary => (summary.VersionId, summary.ModuleSerial)), Is.EqualTo(new[] { (firstId, first) }));
        Assert.That(listed[0].Conditions, Is.EqualTo(TestConstants.Conditions));
    }
}

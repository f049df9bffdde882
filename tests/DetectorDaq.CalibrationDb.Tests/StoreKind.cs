namespace DetectorDaq.CalibrationDb.Tests;

/// <summary>The databases the store tests run against.</summary>
public enum StoreKind
{
    Sqlite,
    Postgres,
}

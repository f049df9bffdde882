namespace DetectorDaq.Hil.Recordings;

/// <summary>Names in the HDF5 recording file (layout: README.md beside this file).</summary>
internal static class RecordingLayout
{
    public const string Group = "recording";
    public const string Signal = "signal";
    public const string ImageKey = "image_key";
    public const string Theta = "theta";
    public const string FormatAttribute = "format";
    public const string FormatName = "detdaq-recording";
    public const string VersionAttribute = "version";
    public const int Version = 1;
    public const string KindAttribute = "kind";
    public const string UnitsAttribute = "units";
    public const string SamplePeriodAttribute = "sample_period_ns";
    public const string RowsAttribute = "rows";
    public const string ColumnsAttribute = "columns";
    public const string SourceAttribute = "source";
    public const string SourceScaleAttribute = "source_scale";

    public static string KindName(RecordingKind kind) => kind == RecordingKind.Current ? "current" : "voltage";
}

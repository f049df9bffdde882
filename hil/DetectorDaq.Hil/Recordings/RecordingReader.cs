using DetectorDaq.Frames;
using PureHDF;

namespace DetectorDaq.Hil.Recordings;

/// <summary>Reads a recording written by <see cref="RecordingWriter"/> (layout: README.md beside this file).</summary>
public static class RecordingReader
{
    /// <summary>True when <paramref name="path"/> is an HDF5 file holding a DetectorDAQ recording.</summary>
    /// <exception cref="RecordingException">The file is missing or not HDF5.</exception>
    public static bool IsRecording(string path) => Hdf5Files.Read(path, file => file.LinkExists(RecordingLayout.Group));

    /// <summary>Reads the whole recording at <paramref name="path"/> into memory.</summary>
    /// <exception cref="RecordingException">The file is missing, not HDF5, or not a valid recording.</exception>
    public static Recording Read(string path) => Hdf5Files.Read(path, file =>
    {
        if (!file.LinkExists(RecordingLayout.Group))
        {
            throw new RecordingException(path, $"no /{RecordingLayout.Group} group: not a DetectorDAQ recording");
        }

        var group = file.Group(RecordingLayout.Group);
        var kind = Hdf5Files.StringAttribute(path, group, RecordingLayout.KindAttribute) switch
        {
            "current" => RecordingKind.Current,
            "voltage" => RecordingKind.Voltage,
            var other => throw new RecordingException(path, $"kind '{other}' is neither 'current' nor 'voltage'"),
        };
        var units = Hdf5Files.StringAttribute(path, group, RecordingLayout.UnitsAttribute);
        var expectedUnits = kind == RecordingKind.Current ? "A" : "V";
        if (units != expectedUnits)
        {
            throw new RecordingException(path, $"units '{units}' do not match kind '{RecordingLayout.KindName(kind)}' ({expectedUnits})");
        }

        var period = Hdf5Files.IntegerAttribute(path, group, RecordingLayout.SamplePeriodAttribute);
        var rows = (int)Hdf5Files.IntegerAttribute(path, group, RecordingLayout.RowsAttribute);
        var columns = (int)Hdf5Files.IntegerAttribute(path, group, RecordingLayout.ColumnsAttribute);
        if (period < 1 || rows < 1 || columns < 1)
        {
            throw new RecordingException(path, $"sample_period_ns {period}, rows {rows} and columns {columns} must all be positive");
        }

        var signal = Hdf5Files.Dataset(path, group, RecordingLayout.Signal, rank: 3);
        var dims = signal.Space.Dimensions;
        if ((int)dims[1] != rows || (int)dims[2] != columns || dims[0] == 0)
        {
            throw new RecordingException(path, $"signal is [{string.Join(", ", dims)}], attributes say [samples ≥ 1, {rows}, {columns}]");
        }

        var samples = (int)dims[0];
        var values = Hdf5Files.ReadDoubles(path, signal);
        var keys = group.LinkExists(RecordingLayout.ImageKey)
            ? Hdf5Files.ReadDoubles(path, Hdf5Files.Dataset(path, group, RecordingLayout.ImageKey, rank: 1, length: samples)).Select(ToImageKey).ToArray()
            : null;
        var theta = group.LinkExists(RecordingLayout.Theta)
            ? Hdf5Files.ReadDoubles(path, Hdf5Files.Dataset(path, group, RecordingLayout.Theta, rank: 1, length: samples))
            : null;
        var source = group.AttributeExists(RecordingLayout.SourceAttribute) ? Hdf5Files.StringAttribute(path, group, RecordingLayout.SourceAttribute) : "";
        var scale = group.AttributeExists(RecordingLayout.SourceScaleAttribute) ? group.Attribute(RecordingLayout.SourceScaleAttribute).Read<double>() : 1.0;
        return new Recording(kind, period, rows, columns, values, keys, theta, source, scale);

        ImageKey ToImageKey(double value) => value is 0 or 1 or 2
            ? (ImageKey)(int)value
            : throw new RecordingException(path, $"image_key {value} is not 0 (projection), 1 (flat) or 2 (dark)");
    });
}

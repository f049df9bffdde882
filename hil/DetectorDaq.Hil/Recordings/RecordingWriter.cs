using PureHDF;

namespace DetectorDaq.Hil.Recordings;

/// <summary>Writes a <see cref="Recording"/> as an HDF5 file in the layout of README.md beside this file.</summary>
public static class RecordingWriter
{
    /// <summary>Writes <paramref name="recording"/> to <paramref name="path"/>, replacing the file.</summary>
    /// <exception cref="RecordingException">The file cannot be written.</exception>
    public static void Write(Recording recording, string path)
    {
        var samples = (ulong)recording.SampleCount;
        var group = new H5Group
        {
            Attributes = new Dictionary<string, object>
            {
                [RecordingLayout.FormatAttribute] = RecordingLayout.FormatName,
                [RecordingLayout.VersionAttribute] = RecordingLayout.Version,
                [RecordingLayout.KindAttribute] = RecordingLayout.KindName(recording.Kind),
                [RecordingLayout.UnitsAttribute] = recording.Units,
                [RecordingLayout.SamplePeriodAttribute] = recording.SamplePeriodNanoseconds,
                [RecordingLayout.RowsAttribute] = recording.Rows,
                [RecordingLayout.ColumnsAttribute] = recording.Columns,
                [RecordingLayout.SourceAttribute] = recording.Source,
                [RecordingLayout.SourceScaleAttribute] = recording.SourceScale,
            },
            [RecordingLayout.Signal] = new H5Dataset(recording.Signal.ToArray(), fileDims: [samples, (ulong)recording.Rows, (ulong)recording.Columns])
            {
                Attributes = new Dictionary<string, object> { [RecordingLayout.UnitsAttribute] = recording.Units },
            },
        };
        if (recording.ImageKeys is { } keys)
        {
            group[RecordingLayout.ImageKey] = new H5Dataset(keys.Select(key => (int)key).ToArray(), fileDims: [samples]);
        }

        if (recording.ThetaDegrees is { } theta)
        {
            group[RecordingLayout.Theta] = new H5Dataset(theta.ToArray(), fileDims: [samples])
            {
                Attributes = new Dictionary<string, object> { [RecordingLayout.UnitsAttribute] = "degree" },
            };
        }

        try
        {
            new H5File { [RecordingLayout.Group] = group }.Write(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new RecordingException(path, $"cannot write the recording: {exception.Message}", exception);
        }
    }
}

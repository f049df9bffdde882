using PureHDF;

namespace DetectorDaq.Files;

/// <summary>Checks that a file written by <see cref="NexusWriter"/> can be read back with the layout it promises.</summary>
public static class NexusFileCheck
{
    /// <summary>
    /// Null when <paramref name="path"/> holds /entry/instrument/detector with data [frames, rows, columns]
    /// and image_key, frame_number, timestamp and frame_complete of length frames; otherwise what is wrong.
    /// </summary>
    public static string? Problem(string path, int frames, int rows, int columns)
    {
        try
        {
            using var file = H5File.OpenRead(path);
            var detector = file.Group(NexusPaths.Detector.TrimStart('/'));
            var dims = detector.Dataset("data").Space.Dimensions;
            if (dims.Length != 3 || dims[0] != (ulong)frames || dims[1] != (ulong)rows || dims[2] != (ulong)columns)
            {
                return $"data is [{string.Join(", ", dims)}], expected [{frames}, {rows}, {columns}]";
            }

            foreach (var name in new[] { "image_key", "frame_number", "timestamp", "frame_complete" })
            {
                var length = detector.Dataset(name).Space.Dimensions;
                if (length.Length != 1 || length[0] != (ulong)frames)
                {
                    return $"{name} has [{string.Join(", ", length)}] entries, expected {frames}";
                }
            }

            return null;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return $"{path} is not readable: {exception.Message}";
        }
    }
}

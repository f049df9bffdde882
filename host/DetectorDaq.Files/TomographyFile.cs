using DetectorDaq.Frames;
using PureHDF;
using PureHDF.VOL.Native;

namespace DetectorDaq.Files;

/// <summary>
/// A tomography scan read from HDF5: projections, darks and flats as float32 frame series, with
/// the rotation angle of each projection where the file has one. Opens Data Exchange files and NeXus
/// files with an NXdetector holding <c>data</c> + <c>image_key</c> (found by NX_class, external links
/// resolved relative to the file; dangling links are skipped and reported in <see cref="Warnings"/>).
/// Only metadata is read on open; frames are read in batches through the <see cref="FrameSeries"/>.
/// </summary>
public sealed class TomographyFile : IDisposable
{
    private const int MaximumGroupDepth = 8;

    private readonly NativeFile _file;

    private TomographyFile(string path, NativeFile file, TomographyLayout layout, FrameSeries projections, FrameSeries darks, FrameSeries flats, double[]? theta, List<string> warnings)
    {
        Path = path;
        _file = file;
        Layout = layout;
        Projections = projections;
        Darks = darks;
        Flats = flats;
        Theta = theta;
        Warnings = warnings;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The convention the file follows.</summary>
    public TomographyLayout Layout { get; }

    /// <summary>Rows per frame.</summary>
    public int Rows => Projections.Rows;

    /// <summary>Columns per frame.</summary>
    public int Columns => Projections.Columns;

    /// <summary>Projections (image key 0).</summary>
    public FrameSeries Projections { get; }

    /// <summary>Dark frames (image key 2), all blocks in file order.</summary>
    public FrameSeries Darks { get; }

    /// <summary>Flat frames (image key 1), all blocks in file order.</summary>
    public FrameSeries Flats { get; }

    /// <summary>Rotation angle of each projection as stored (usually degrees), or null when the file has none.</summary>
    public IReadOnlyList<double>? Theta { get; }

    /// <summary>Problems that did not stop reading, such as dangling external links.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Opens <paramref name="path"/> and reads its layout.</summary>
    /// <exception cref="TomographyFileException">Missing, empty, not HDF5, truncated, no recognised layout, wrong ranks or mismatched shapes.</exception>
    public static TomographyFile Open(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new TomographyFileException(path, "file not found");
        }

        if (new FileInfo(fullPath).Length == 0)
        {
            throw new TomographyFileException(path, "file is empty");
        }

        NativeFile file;
        try
        {
            file = H5File.OpenRead(fullPath);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw new TomographyFileException(path, $"not a readable HDF5 file ({exception.Message})", exception);
        }

        try
        {
            var tomography = Recognise(path, fullPath, file);
            tomography.ProbeLastFrames();
            return tomography;
        }
        catch (TomographyFileException)
        {
            file.Dispose();
            throw;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            file.Dispose();
            throw new TomographyFileException(path, $"corrupt or truncated HDF5 file ({exception.Message})", exception);
        }
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _file.Dispose();

    private static TomographyFile Recognise(string path, string fullPath, NativeFile file)
    {
        var warnings = new List<string>();
        var linkAccess = new H5LinkAccess(ExternalLinkPrefix: System.IO.Path.GetDirectoryName(fullPath));
        if (file.LinkExists("exchange/data", linkAccess))
        {
            return OpenDataExchange(path, file, warnings);
        }

        var detector = FindDetector(file, "", linkAccess, warnings, depth: 0);
        if (detector is null)
        {
            var detail = warnings.Count > 0 ? $" ({string.Join("; ", warnings)})" : string.Empty;
            throw new TomographyFileException(path, $"no recognised layout: neither /exchange/data (Data Exchange) nor an NXdetector with data and image_key (NeXus){detail}");
        }

        return OpenNexus(path, file, detector.Value.Group, detector.Value.Path, linkAccess, warnings);
    }

    private static TomographyFile OpenDataExchange(string path, NativeFile file, List<string> warnings)
    {
        var data = file.Dataset("exchange/data");
        var (frames, rows, columns) = FrameShape(path, "/exchange/data", data);
        var projections = new FrameSeries(path, ImageKey.Projection, data, Enumerable.Range(0, frames).ToArray(), rows, columns);
        var darks = ReferenceSeries(path, file, "exchange/data_dark", ImageKey.Dark, rows, columns);
        var flats = ReferenceSeries(path, file, "exchange/data_white", ImageKey.Flat, rows, columns);
        double[]? theta = null;
        if (file.LinkExists("exchange/theta"))
        {
            var thetaSet = file.Dataset("exchange/theta");
            CheckLength(path, "/exchange/theta", thetaSet, frames);
            theta = ElementConversion.ReadAllAsDouble(thetaSet);
        }

        return new TomographyFile(path, file, TomographyLayout.DataExchange, projections, darks, flats, theta, warnings);
    }

    private static FrameSeries ReferenceSeries(string path, NativeFile file, string name, ImageKey key, int rows, int columns)
    {
        if (!file.LinkExists(name))
        {
            return new FrameSeries(path, key, null, [], rows, columns);
        }

        var dataset = file.Dataset(name);
        var (frames, referenceRows, referenceColumns) = FrameShape(path, "/" + name, dataset);
        if (referenceRows != rows || referenceColumns != columns)
        {
            throw new TomographyFileException(path, $"/{name} frames are {referenceRows} x {referenceColumns}, projections {rows} x {columns}");
        }

        return new FrameSeries(path, key, dataset, Enumerable.Range(0, frames).ToArray(), rows, columns);
    }

    private static TomographyFile OpenNexus(string path, NativeFile file, IH5Group detector, string detectorPath, H5LinkAccess linkAccess, List<string> warnings)
    {
        var data = detector.Dataset("data");
        var (frames, rows, columns) = FrameShape(path, detectorPath + "/data", data);
        var keySet = detector.Dataset("image_key");
        CheckLength(path, detectorPath + "/image_key", keySet, frames);
        var keys = ElementConversion.ReadAllAsInt32(keySet);

        var sides = IntegratorSides(path, detector, detectorPath, linkAccess, frames);

        int[] Indices(ImageKey key) => Enumerable.Range(0, frames).Where(i => keys[i] == (int)key).ToArray();
        FrameSeries Series(ImageKey key, int[] indices) =>
            new(path, key, data, indices, rows, columns, sides is null ? null : Array.ConvertAll(indices, i => sides[i]));
        var projectionIndices = Indices(ImageKey.Projection);
        var projections = Series(ImageKey.Projection, projectionIndices);
        var darks = Series(ImageKey.Dark, Indices(ImageKey.Dark));
        var flats = Series(ImageKey.Flat, Indices(ImageKey.Flat));

        double[]? theta = null;
        var angles = FindRotationAngle(file, linkAccess, depth: 0);
        if (angles is not null)
        {
            CheckLength(path, "rotation_angle", angles, frames);
            var all = ElementConversion.ReadAllAsDouble(angles);
            theta = Array.ConvertAll(projectionIndices, i => all[i]);
        }

        return new TomographyFile(path, file, TomographyLayout.Nexus, projections, darks, flats, theta, warnings);
    }

    // Our own files record each frame's integrator side; files of other software do not.
    private static byte[]? IntegratorSides(string path, IH5Group detector, string detectorPath, H5LinkAccess linkAccess, int frames)
    {
        var native = (NativeGroup)detector;
        if (!native.LinkExists(NexusPaths.IntegratorSideName, linkAccess) || native.Get(NexusPaths.IntegratorSideName, linkAccess) is not IH5Dataset sides)
        {
            return null;
        }

        var name = detectorPath + "/" + NexusPaths.IntegratorSideName;
        CheckLength(path, name, sides, frames);
        var values = ElementConversion.ReadAllAsInt32(sides);
        var invalid = Array.FindIndex(values, side => side is not (0 or 1));
        return invalid < 0
            ? Array.ConvertAll(values, side => (byte)side)
            : throw new TomographyFileException(path, $"{name}[{invalid}] is {values[invalid]}, expected 0 (side A) or 1 (side B)");
    }

    private static (IH5Group Group, string Path)? FindDetector(IH5Group group, string groupPath, H5LinkAccess linkAccess, List<string> warnings, int depth)
    {
        if (depth > MaximumGroupDepth)
        {
            return null;
        }

        foreach (var child in ((NativeGroup)group).Children(linkAccess))
        {
            var childPath = groupPath + "/" + child.Name;
            switch (child)
            {
                case IH5UnresolvedLink unresolved:
                    warnings.Add($"skipped {childPath}: link cannot be resolved ({TomographyFileException.OneLine(unresolved.Reason?.Message ?? "unknown reason")})");
                    break;
                case IH5Group childGroup when NexusClass(childGroup) == "NXdetector" && HasDataset(childGroup, "data", linkAccess, childPath, warnings) && HasDataset(childGroup, "image_key", linkAccess, childPath, warnings):
                    return (childGroup, childPath);
                case IH5Group childGroup:
                    var found = FindDetector(childGroup, childPath, linkAccess, warnings, depth + 1);
                    if (found is not null)
                    {
                        return found;
                    }

                    break;
            }
        }

        return null;
    }

    private static bool HasDataset(IH5Group group, string name, H5LinkAccess linkAccess, string groupPath, List<string> warnings)
    {
        var native = (NativeGroup)group;
        if (!native.LinkExists(name, linkAccess))
        {
            // LinkExists is false both for no link and for a link whose target is missing.
            var dangling = native.Children(linkAccess).OfType<IH5UnresolvedLink>().FirstOrDefault(l => l.Name == name);
            if (dangling is not null)
            {
                warnings.Add($"skipped {groupPath}/{name}: link cannot be resolved ({TomographyFileException.OneLine(dangling.Reason?.Message ?? "unknown reason")})");
            }

            return false;
        }

        return native.Get(name, linkAccess) is IH5Dataset;
    }

    private static IH5Dataset? FindRotationAngle(IH5Group group, H5LinkAccess linkAccess, int depth)
    {
        if (depth > MaximumGroupDepth)
        {
            return null;
        }

        foreach (var child in ((NativeGroup)group).Children(linkAccess).OfType<IH5Group>())
        {
            if (NexusClass(child) == "NXsample" && ((NativeGroup)child).LinkExists("rotation_angle", linkAccess) && ((NativeGroup)child).Get("rotation_angle", linkAccess) is IH5Dataset angles)
            {
                return angles;
            }

            var found = FindRotationAngle(child, linkAccess, depth + 1);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private static string? NexusClass(IH5Object item)
    {
        if (!item.AttributeExists(NexusPaths.NexusClass))
        {
            return null;
        }

        // Fixed-length and variable-length strings are both in use (h5py writes variable-length).
        var attribute = item.Attribute(NexusPaths.NexusClass);
        return attribute.Type.Class is H5DataTypeClass.String or H5DataTypeClass.VariableLength ? attribute.Read<string>() : null;
    }

    private static (int Frames, int Rows, int Columns) FrameShape(string path, string name, IH5Dataset dataset)
    {
        var dims = dataset.Space.Dimensions;
        if (dims.Length != 3)
        {
            throw new TomographyFileException(path, $"{name} has rank {dims.Length}, expected 3 [frames, rows, columns]");
        }

        if (dims[1] == 0 || dims[2] == 0 || dims[0] > int.MaxValue || dims[1] * dims[2] > int.MaxValue / sizeof(float))
        {
            throw new TomographyFileException(path, $"{name} has unusable shape [{string.Join(", ", dims)}]");
        }

        return ((int)dims[0], (int)dims[1], (int)dims[2]);
    }

    private static void CheckLength(string path, string name, IH5Dataset dataset, int frames)
    {
        var dims = dataset.Space.Dimensions;
        if (dims.Length != 1 || dims[0] != (ulong)frames)
        {
            throw new TomographyFileException(path, $"{name} has shape [{string.Join(", ", dims)}], expected [{frames}] (one per frame)");
        }
    }

    private void ProbeLastFrames()
    {
        var frame = new float[Projections.PixelCount];
        foreach (var series in new[] { Projections, Darks, Flats })
        {
            if (series.Count > 0)
            {
                series.Read(series.Count - 1, 1, frame);
            }
        }
    }
}

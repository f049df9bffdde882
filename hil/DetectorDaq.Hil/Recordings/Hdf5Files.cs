using PureHDF;

namespace DetectorDaq.Hil.Recordings;

/// <summary>PureHDF reading with every failure turned into a one-line <see cref="RecordingException"/>.</summary>
internal static class Hdf5Files
{
    public static T Read<T>(string path, Func<IH5Group, T> read)
    {
        if (!File.Exists(path))
        {
            throw new RecordingException(path, "file not found");
        }

        if (new FileInfo(path).Length == 0)
        {
            throw new RecordingException(path, "file is empty");
        }

        CheckNotTruncated(path);
        try
        {
            using var file = H5File.OpenRead(path);
            return read(file);
        }
        catch (RecordingException)
        {
            throw;
        }
        catch (Exception exception)
        {
            // PureHDF reports corrupt or non-HDF5 content with many exception types (format, I/O, index, overflow).
            throw new RecordingException(path, $"not a readable HDF5 file: {exception.Message}", exception);
        }
    }

    /// <summary>
    /// Compares the file length with the end-of-file address in the superblock (HDF5 File Format
    /// Specification §II.A) so that a truncated file is named as such instead of failing later
    /// with a missing object. Only a superblock at offset 0 with 8-byte addresses is checked.
    /// <code>
    /// version 0: signature[8] version[1] … size-of-offsets @13 … base @24, free-space @32, end-of-file @40
    /// version 1: as version 0 with 4 more bytes before the addresses: end-of-file @44
    /// version 2/3: signature[8] version[1] size-of-offsets @9 … base @12, extension @20, end-of-file @28
    /// </code>
    /// </summary>
    private static void CheckNotTruncated(string path)
    {
        Span<byte> superblock = stackalloc byte[52];
        using var stream = File.OpenRead(path);
        var length = stream.ReadAtLeast(superblock, superblock.Length, throwOnEndOfStream: false);
        ReadOnlySpan<byte> signature = [0x89, (byte)'H', (byte)'D', (byte)'F', 0x0D, 0x0A, 0x1A, 0x0A];
        if (length < superblock.Length || !superblock[..8].SequenceEqual(signature))
        {
            return;
        }

        var (offsetSize, endOfFile) = superblock[8] switch
        {
            0 => (superblock[13], 40),
            1 => (superblock[13], 44),
            2 or 3 => (superblock[9], 28),
            _ => (0, 0),
        };
        if (offsetSize != 8)
        {
            return;
        }

        var end = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(superblock[endOfFile..]);
        if ((ulong)stream.Length < end)
        {
            throw new RecordingException(path, $"truncated: {stream.Length} bytes of the {end} the HDF5 superblock announces");
        }
    }

    public static IH5Dataset Dataset(string path, IH5Group group, string name, int rank, int length = -1)
    {
        if (!group.LinkExists(name))
        {
            throw new RecordingException(path, $"dataset '{name}' is missing");
        }

        var dataset = group.Dataset(name);
        var dims = dataset.Space.Dimensions;
        if (dims.Length != rank || (length >= 0 && (int)dims[0] != length))
        {
            var expected = length >= 0 ? $"[{length}]" : $"rank {rank}";
            throw new RecordingException(path, $"dataset '{name}' is [{string.Join(", ", dims)}], expected {expected}");
        }

        return dataset;
    }

    /// <summary>Reads a numeric dataset of any common element type as float64.</summary>
    public static double[] ReadDoubles(string path, IH5Dataset dataset)
    {
        var type = dataset.Type;
        return (type.Class, type.Size) switch
        {
            (H5DataTypeClass.FloatingPoint, 8) => dataset.Read<double[]>(),
            (H5DataTypeClass.FloatingPoint, 4) => Array.ConvertAll(dataset.Read<float[]>(), value => (double)value),
            (H5DataTypeClass.FixedPoint, 1) when !type.FixedPoint.IsSigned => Array.ConvertAll(dataset.Read<byte[]>(), value => (double)value),
            (H5DataTypeClass.FixedPoint, 2) when !type.FixedPoint.IsSigned => Array.ConvertAll(dataset.Read<ushort[]>(), value => (double)value),
            (H5DataTypeClass.FixedPoint, 2) => Array.ConvertAll(dataset.Read<short[]>(), value => (double)value),
            (H5DataTypeClass.FixedPoint, 4) when !type.FixedPoint.IsSigned => Array.ConvertAll(dataset.Read<uint[]>(), value => (double)value),
            (H5DataTypeClass.FixedPoint, 4) => Array.ConvertAll(dataset.Read<int[]>(), value => (double)value),
            (H5DataTypeClass.FixedPoint, 8) when !type.FixedPoint.IsSigned => Array.ConvertAll(dataset.Read<ulong[]>(), value => (double)value),
            (H5DataTypeClass.FixedPoint, 8) => Array.ConvertAll(dataset.Read<long[]>(), value => (double)value),
            _ => throw new RecordingException(path, $"dataset '{dataset.Name}' holds {type.Class} of {type.Size} bytes, not numbers"),
        };
    }

    public static string StringAttribute(string path, IH5Object owner, string name)
    {
        if (!owner.AttributeExists(name))
        {
            throw new RecordingException(path, $"attribute '{name}' of '{owner.Name}' is missing");
        }

        var attribute = owner.Attribute(name);
        return attribute.Type.Class is H5DataTypeClass.String or H5DataTypeClass.VariableLength
            ? attribute.Read<string>()
            : throw new RecordingException(path, $"attribute '{name}' of '{owner.Name}' is not a string");
    }

    public static long IntegerAttribute(string path, IH5Object owner, string name)
    {
        if (!owner.AttributeExists(name))
        {
            throw new RecordingException(path, $"attribute '{name}' of '{owner.Name}' is missing");
        }

        var attribute = owner.Attribute(name);
        return (attribute.Type.Class, attribute.Type.Size) switch
        {
            (H5DataTypeClass.FixedPoint, 4) => attribute.Read<int>(),
            (H5DataTypeClass.FixedPoint, 8) => attribute.Read<long>(),
            _ => throw new RecordingException(path, $"attribute '{name}' of '{owner.Name}' is not a 32- or 64-bit integer"),
        };
    }
}

using PureHDF;
using PureHDF.Selections;

namespace DetectorDaq.Files;

/// <summary>Reads numeric HDF5 data of any common element type as float32 or float64.</summary>
internal static class ElementConversion
{
    public static void ReadAsSingle(IH5Dataset dataset, Selection selection, Span<float> destination)
    {
        var type = dataset.Type;
        switch (type.Class, type.Size, type.Class == H5DataTypeClass.FixedPoint && type.FixedPoint.IsSigned)
        {
            case (H5DataTypeClass.FloatingPoint, 4, _):
                dataset.Read<float[]>(selection).CopyTo(destination);
                break;
            case (H5DataTypeClass.FloatingPoint, 8, _):
                Convert(dataset.Read<double[]>(selection), destination, static v => (float)v);
                break;
            case (H5DataTypeClass.FixedPoint, 1, true):
                Convert(dataset.Read<sbyte[]>(selection), destination, static v => v);
                break;
            case (H5DataTypeClass.FixedPoint, 1, false):
                Convert(dataset.Read<byte[]>(selection), destination, static v => v);
                break;
            case (H5DataTypeClass.FixedPoint, 2, true):
                Convert(dataset.Read<short[]>(selection), destination, static v => v);
                break;
            case (H5DataTypeClass.FixedPoint, 2, false):
                Convert(dataset.Read<ushort[]>(selection), destination, static v => v);
                break;
            case (H5DataTypeClass.FixedPoint, 4, true):
                Convert(dataset.Read<int[]>(selection), destination, static v => v);
                break;
            case (H5DataTypeClass.FixedPoint, 4, false):
                Convert(dataset.Read<uint[]>(selection), destination, static v => v);
                break;
            case (H5DataTypeClass.FixedPoint, 8, true):
                Convert(dataset.Read<long[]>(selection), destination, static v => v);
                break;
            case (H5DataTypeClass.FixedPoint, 8, false):
                Convert(dataset.Read<ulong[]>(selection), destination, static v => v);
                break;
            default:
                throw new NotSupportedException($"element type {type.Class} of {type.Size} bytes is not a supported number type");
        }
    }

    public static double[] ReadAllAsDouble(IH5Dataset dataset)
    {
        var count = (int)dataset.Space.Dimensions.Aggregate(1ul, (a, b) => a * b);
        var values = new float[count];
        if (dataset.Type.Class == H5DataTypeClass.FloatingPoint && dataset.Type.Size == 8)
        {
            return dataset.Read<double[]>();
        }

        ReadAsSingle(dataset, new HyperslabSelection(0, (ulong)count), values);
        return Array.ConvertAll(values, v => (double)v);
    }

    public static int[] ReadAllAsInt32(IH5Dataset dataset)
    {
        var doubles = ReadAllAsDouble(dataset);
        return Array.ConvertAll(doubles, v => (int)v);
    }

    private static void Convert<T>(T[] source, Span<float> destination, Func<T, float> convert)
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = convert(source[i]);
        }
    }
}

using System.Buffers.Binary;

namespace DetectorDaq.CalibrationDb.Sql;

/// <summary>
/// Arrays as stored in <c>constants_arrays.data</c>: the values back to back, 4 bytes each,
/// little-endian (IEEE 754 binary32 for float32, unsigned for uint32), whatever the machine's byte order.
/// </summary>
internal static class ArrayCodec
{
    public const string Float32 = "float32";
    public const string UInt32 = "uint32";

    public static byte[] Encode(ReadOnlySpan<float> values)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        }

        return bytes;
    }

    public static byte[] Encode(ReadOnlySpan<uint> values)
    {
        var bytes = new byte[values.Length * sizeof(uint)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)), values[i]);
        }

        return bytes;
    }

    public static float[] DecodeSingle(ReadOnlySpan<byte> bytes)
    {
        var values = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
        }

        return values;
    }

    public static uint[] DecodeUInt32(ReadOnlySpan<byte> bytes)
    {
        var values = new uint[bytes.Length / sizeof(uint)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(i * sizeof(uint))..]);
        }

        return values;
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DetectorDaq.Calibration.Kernels;

/// <summary>
/// Unpacks the UDP data packet's Packed20 sample encoding (SamplePacking in the firmware core): two 20-bit
/// codes in five bytes, most significant bits first; an odd last sample takes three bytes, its low nibble zero.
/// <code>
/// byte   0          1          2                  3          4
///        s0[19:12]  s0[11:4]   s0[3:0]·s1[19:16]  s1[15:8]   s1[7:0]
/// </code>
/// The vector path gathers each code's three bytes into a little-endian 32-bit lane with one byte shuffle
/// (even codes as b0·b1·b2 then shifted right by 4, odd codes as b2·b3·b4 then masked to 20 bits), so four
/// codes (ten bytes) come out of each 128-bit lane per shuffle. Nothing allocates.
/// </summary>
public static class Packed20Decoder
{
    /// <summary>Codes per 256-bit step: two lanes of four codes, 20 bytes read as two overlapping 16-byte loads.</summary>
    internal const int Vector256Samples = 8;

    /// <summary>Bytes a 256-bit step may touch past its start: the second 16-byte load begins at byte 10.</summary>
    internal const int Vector256ReadBytes = 26;

    /// <summary>Codes per 128-bit step.</summary>
    internal const int Vector128Samples = 4;

    /// <summary>Bytes a 128-bit step may touch past its start.</summary>
    internal const int Vector128ReadBytes = 16;

    private const int CodeMask = 0xFFFFF;

    /// <summary>Bytes that hold <paramref name="sampleCount"/> (≥ 0) packed codes.</summary>
    public static int PackedBytes(int sampleCount) => ((5 * sampleCount) + 1) / 2;

    /// <summary>
    /// Unpacks <paramref name="destination"/>.Length codes (0..0xFFFFF) from <paramref name="source"/>, which starts
    /// at an even sample and holds at least <see cref="PackedBytes"/> of them; SIMD where the CPU has it.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="source"/> is too short.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Unpack(ReadOnlySpan<byte> source, Span<int> destination)
    {
        RequireBytes(source, destination.Length);
        var done = 0;
        ref var input = ref MemoryMarshal.GetReference(source);
        ref var output = ref MemoryMarshal.GetReference(destination);
        if (Avx2.IsSupported)
        {
            for (; done + Vector256Samples <= destination.Length && PackedBytes(done) + Vector256ReadBytes <= source.Length; done += Vector256Samples)
            {
                Decode8(ref input, PackedBytes(done)).StoreUnsafe(ref output, (nuint)done);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; done + Vector128Samples <= destination.Length && PackedBytes(done) + Vector128ReadBytes <= source.Length; done += Vector128Samples)
            {
                Decode4(ref input, PackedBytes(done)).StoreUnsafe(ref output, (nuint)done);
            }
        }

        UnpackScalar(source, destination, done);
    }

    /// <summary>Reference unpacker, one code at a time from sample <paramref name="first"/> (even) on; the SIMD path must equal it.</summary>
    /// <exception cref="ArgumentException"><paramref name="source"/> is too short or <paramref name="first"/> is odd.</exception>
    public static void UnpackScalar(ReadOnlySpan<byte> source, Span<int> destination, int first = 0)
    {
        RequireBytes(source, destination.Length);
        if ((first & 1) != 0)
        {
            throw new ArgumentException($"unpacking must start at an even sample, not {first}", nameof(first));
        }

        for (var i = first; i < destination.Length; i++)
        {
            destination[i] = ScalarCode(source, i);
        }
    }

    /// <summary>Code <paramref name="index"/> of a packed run that starts at an even sample.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int ScalarCode(ReadOnlySpan<byte> source, int index)
    {
        var pair = (index >> 1) * 5;
        return (index & 1) == 0
            ? (source[pair] << 12) | (source[pair + 1] << 4) | (source[pair + 2] >> 4)
            : ((source[pair + 2] & 0x0F) << 16) | (source[pair + 3] << 8) | source[pair + 4];
    }

    /// <summary>Eight codes from <paramref name="byteOffset"/> (an even sample); reads 26 bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<int> Decode8(ref byte source, int byteOffset)
    {
        var low = Vector128.LoadUnsafe(ref source, (nuint)byteOffset);
        var high = Vector128.LoadUnsafe(ref source, (nuint)(byteOffset + 10));
        var gathered = Avx2.Shuffle(Vector256.Create(low, high), Vector256.Create(GatherIndices(), GatherIndices())).AsInt32();
        var shifted = Avx2.ShiftRightLogicalVariable(gathered, Vector256.Create(4u, 0u, 4u, 0u, 4u, 0u, 4u, 0u));
        return shifted & Vector256.Create(CodeMask);
    }

    /// <summary>Four codes from <paramref name="byteOffset"/> (an even sample); reads 16 bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<int> Decode4(ref byte source, int byteOffset)
    {
        var gathered = Vector128.Shuffle(Vector128.LoadUnsafe(ref source, (nuint)byteOffset), GatherIndices()).AsInt32();
        // Even lanes hold b0·b1·b2 (code in bits 23..4), odd lanes b2·b3·b4 (code in bits 19..0).
        var even = Vector128.Create(-1, 0, -1, 0);
        return Vector128.ConditionalSelect(even, Vector128.ShiftRightLogical(gathered, 4), gathered) & Vector128.Create(CodeMask);
    }

    /// <summary>Per lane of four codes: the byte indices that build each little-endian 32-bit lane (0x80 → zero byte).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> GatherIndices() =>
        Vector128.Create((byte)2, 1, 0, 0x80, 4, 3, 2, 0x80, 7, 6, 5, 0x80, 9, 8, 7, 0x80);

    private static void RequireBytes(ReadOnlySpan<byte> source, int sampleCount)
    {
        if (source.Length < PackedBytes(sampleCount))
        {
            throw new ArgumentException($"{sampleCount} Packed20 samples need {PackedBytes(sampleCount)} bytes, the source has {source.Length}", nameof(source));
        }
    }
}

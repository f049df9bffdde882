using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DetectorDaq.Calibration.Kernels;

/// <summary>
/// Turns a module frame of Packed20 raw codes (see <see cref="Packed20Decoder"/>) into float32 in one pass:
/// <c>output[c] = (code[c] − offset[c]) × gain[c]</c>, or <see cref="float.NaN"/> where <c>badChannelMask[c]</c> is
/// non-zero (NaN, not 0, so that a bad channel can never pass for a dark pixel downstream). Subtract then
/// multiply, never fused, so the AVX2, 128-bit and scalar paths agree bit for bit. Calibration tables are copied
/// once in the constructor; calibrating allocates nothing. Instances are immutable and safe to share across threads.
/// </summary>
public sealed class RawCalibrationKernel
{
    private readonly float[] _offsets;
    private readonly float[] _gains;
    private readonly uint[] _badChannelMask;

    /// <summary>Creates a kernel for frames of <c>offsets.Length</c> channels.</summary>
    /// <param name="offsets">Per channel, codes subtracted first (dark level), any finite value.</param>
    /// <param name="gains">Per channel, factor applied after the offset (output units per code).</param>
    /// <param name="badChannelMask">Per channel, non-zero marks the channel bad: its output is NaN.</param>
    /// <exception cref="ArgumentException">The tables differ in length or are empty.</exception>
    public RawCalibrationKernel(ReadOnlySpan<float> offsets, ReadOnlySpan<float> gains, ReadOnlySpan<uint> badChannelMask)
    {
        if (offsets.IsEmpty || gains.Length != offsets.Length || badChannelMask.Length != offsets.Length)
        {
            throw new ArgumentException($"offset, gain and mask tables must have the same non-zero length, not {offsets.Length}, {gains.Length} and {badChannelMask.Length}");
        }

        _offsets = offsets.ToArray();
        _gains = gains.ToArray();
        _badChannelMask = badChannelMask.ToArray();
    }

    /// <summary>Channels per frame.</summary>
    public int ChannelCount => _offsets.Length;

    /// <summary>Packed bytes of one frame (frames of an even channel count follow each other byte-aligned).</summary>
    public int FrameBytes => Packed20Decoder.PackedBytes(ChannelCount);

    /// <summary>Calibrates one frame: <paramref name="packed"/> holds at least <see cref="FrameBytes"/>, <paramref name="output"/> at least <see cref="ChannelCount"/> floats.</summary>
    /// <exception cref="ArgumentException">A buffer is too short.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Calibrate(ReadOnlySpan<byte> packed, Span<float> output)
    {
        RequireLengths(packed, output, 1);
        var channels = ChannelCount;
        var done = 0;
        ref var input = ref MemoryMarshal.GetReference(packed);
        ref var result = ref MemoryMarshal.GetReference(output);
        ref var offsets = ref MemoryMarshal.GetArrayDataReference(_offsets);
        ref var gains = ref MemoryMarshal.GetArrayDataReference(_gains);
        ref var mask = ref MemoryMarshal.GetArrayDataReference(_badChannelMask);
        if (Avx2.IsSupported)
        {
            var nan = Vector256.Create(float.NaN);
            for (; done + Packed20Decoder.Vector256Samples <= channels && Packed20Decoder.PackedBytes(done) + Packed20Decoder.Vector256ReadBytes <= packed.Length; done += Packed20Decoder.Vector256Samples)
            {
                var codes = Vector256.ConvertToSingle(Packed20Decoder.Decode8(ref input, Packed20Decoder.PackedBytes(done)));
                var value = (codes - Vector256.LoadUnsafe(ref offsets, (nuint)done)) * Vector256.LoadUnsafe(ref gains, (nuint)done);
                var good = Vector256.Equals(Vector256.LoadUnsafe(ref mask, (nuint)done), Vector256<uint>.Zero).AsSingle();
                Vector256.ConditionalSelect(good, value, nan).StoreUnsafe(ref result, (nuint)done);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            var nan = Vector128.Create(float.NaN);
            for (; done + Packed20Decoder.Vector128Samples <= channels && Packed20Decoder.PackedBytes(done) + Packed20Decoder.Vector128ReadBytes <= packed.Length; done += Packed20Decoder.Vector128Samples)
            {
                var codes = Vector128.ConvertToSingle(Packed20Decoder.Decode4(ref input, Packed20Decoder.PackedBytes(done)));
                var value = (codes - Vector128.LoadUnsafe(ref offsets, (nuint)done)) * Vector128.LoadUnsafe(ref gains, (nuint)done);
                var good = Vector128.Equals(Vector128.LoadUnsafe(ref mask, (nuint)done), Vector128<uint>.Zero).AsSingle();
                Vector128.ConditionalSelect(good, value, nan).StoreUnsafe(ref result, (nuint)done);
            }
        }

        CalibrateRange(packed, output, done, channels);
    }

    /// <summary>Reference implementation, one channel at a time; <see cref="Calibrate"/> must equal it bit for bit.</summary>
    /// <exception cref="ArgumentException">A buffer is too short.</exception>
    public void CalibrateScalar(ReadOnlySpan<byte> packed, Span<float> output)
    {
        RequireLengths(packed, output, 1);
        CalibrateRange(packed, output, 0, ChannelCount);
    }

    /// <summary>
    /// Calibrates <paramref name="frameCount"/> frames stored back to back (frame f at byte f × <see cref="FrameBytes"/>,
    /// output at float f × <see cref="ChannelCount"/>); the channel count must be even so frames start byte-aligned.
    /// </summary>
    /// <exception cref="ArgumentException">A buffer is too short, or the channel count is odd.</exception>
    public void CalibrateFrames(ReadOnlySpan<byte> packed, Span<float> output, int frameCount)
    {
        if (frameCount > 1 && (ChannelCount & 1) != 0)
        {
            throw new ArgumentException($"back-to-back frames need an even channel count, not {ChannelCount}", nameof(frameCount));
        }

        RequireLengths(packed, output, frameCount);
        var frameBytes = FrameBytes;
        for (var frame = 0; frame < frameCount; frame++)
        {
            Calibrate(packed[(frame * frameBytes)..], output.Slice(frame * ChannelCount, ChannelCount));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CalibrateRange(ReadOnlySpan<byte> packed, Span<float> output, int first, int end)
    {
        for (var channel = first; channel < end; channel++)
        {
            output[channel] = _badChannelMask[channel] != 0
                ? float.NaN
                : ((float)Packed20Decoder.ScalarCode(packed, channel) - _offsets[channel]) * _gains[channel];
        }
    }

    private void RequireLengths(ReadOnlySpan<byte> packed, Span<float> output, int frameCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frameCount);
        var bytes = (long)FrameBytes * frameCount;
        if (packed.Length < bytes)
        {
            throw new ArgumentException($"{frameCount} frames of {ChannelCount} Packed20 channels need {bytes} bytes, the input has {packed.Length}", nameof(packed));
        }

        if (output.Length < (long)ChannelCount * frameCount)
        {
            throw new ArgumentException($"{frameCount} frames of {ChannelCount} channels need {(long)ChannelCount * frameCount} floats, the output has {output.Length}", nameof(output));
        }
    }
}

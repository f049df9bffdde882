namespace DetectorDaq.Hil.Chips.Ddc264;

/// <summary>
/// The DOUT line of a DDC264 chain as the FPGA samples it with DCLK: bits in time order, packed MSB
/// first into 32-bit words, exactly as they land in a FIFO frame's payload.
/// </summary>
public sealed class DoutBitStream
{
    private readonly uint[] _words;

    /// <summary>Creates a stream with room for <paramref name="capacityBits"/> bits.</summary>
    public DoutBitStream(int capacityBits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacityBits);
        _words = new uint[(capacityBits + 31) / 32];
    }

    /// <summary>Bits clocked so far.</summary>
    public int Length { get; private set; }

    /// <summary>The packed bits; bits past <see cref="Length"/> are zero.</summary>
    public ReadOnlySpan<uint> Words => _words;

    /// <summary>Starts a new transfer.</summary>
    public void Clear()
    {
        Array.Clear(_words);
        Length = 0;
    }

    /// <summary>Clocks out the <paramref name="bits"/> low bits of <paramref name="value"/>, MSB first (1 to 32 bits).</summary>
    public void Write(uint value, int bits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 32);
        if (Length + bits > _words.Length * 32)
        {
            throw new InvalidOperationException($"DOUT stream full: {bits} more bits do not fit {_words.Length * 32}.");
        }

        for (var bit = bits - 1; bit >= 0; bit--)
        {
            if (((value >> bit) & 1) != 0)
            {
                _words[Length >> 5] |= 0x80000000u >> (Length & 31);
            }

            Length++;
        }
    }

    /// <summary>Clocks out <paramref name="count"/> zero bits (DOUT held low).</summary>
    public void WriteZeros(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (Length + count > _words.Length * 32)
        {
            throw new InvalidOperationException($"DOUT stream full: {count} more bits do not fit {_words.Length * 32}.");
        }

        Length += count;
    }

    /// <summary>Reads <paramref name="bits"/> bits (1 to 32) from bit <paramref name="start"/>, MSB first; bits past the end read 0.</summary>
    public uint Read(int start, int bits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 32);
        uint value = 0;
        for (var index = start; index < start + bits; index++)
        {
            var bit = index < _words.Length * 32 ? (_words[index >> 5] >> (31 - (index & 31))) & 1 : 0;
            value = (value << 1) | bit;
        }

        return value;
    }
}

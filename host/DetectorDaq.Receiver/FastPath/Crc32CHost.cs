using System.Buffers.Binary;
using System.Numerics;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Receiver.FastPath;

/// <summary>
/// CRC-32C with the CPU's CRC32 instruction through <see cref="BitOperations.Crc32C(uint, ulong)"/> (8 bytes per
/// step; software fallback inside the runtime): the same checksum as the firmware core's table-driven
/// DetectorDaq.Firmware.Crc.Crc32C (initial value and final XOR 0xFFFFFFFF), for the host side that forges
/// datagrams at line rate.
/// </summary>
public static class Crc32CHost
{
    /// <summary>Feeds <paramref name="data"/> into a running register (start from 0xFFFFFFFF, XOR the end with 0xFFFFFFFF).</summary>
    public static uint Append(uint state, ReadOnlySpan<byte> data)
    {
        var i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            state = BitOperations.Crc32C(state, BinaryPrimitives.ReadUInt64LittleEndian(data[i..]));
        }

        for (; i < data.Length; i++)
        {
            state = BitOperations.Crc32C(state, data[i]);
        }

        return state;
    }

    /// <summary>
    /// True when the CRC-32C field of the data packet <paramref name="datagram"/> matches bytes 0..43 and
    /// the payload (UDP data packet format).
    /// </summary>
    public static bool IsValid(ReadOnlySpan<byte> datagram)
    {
        var covered = UdpDataPacketFormat.CrcCoveredHeaderBytes;
        var state = Append(0xFFFFFFFF, datagram[..covered]);
        state = Append(state, datagram[UdpDataPacketFormat.Size..]) ^ 0xFFFFFFFF;
        return state == BinaryPrimitives.ReadUInt32LittleEndian(datagram[UdpDataPacketFormat.Crc32cOffset..]);
    }

    /// <summary>CRC-32C of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Append(0xFFFFFFFF, data) ^ 0xFFFFFFFF;
}

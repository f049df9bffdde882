using System;
using DetectorDaq.Firmware.Hardware;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Control
{
    /// <summary>
    /// Response payload of <see cref="ControlCommand.RegisterRead"/>: one u32 little-endian value per
    /// register read, in address order, 4 × count bytes (16-bit chip registers in the low half).
    /// </summary>
    public sealed class RegisterReadResponse
    {
        private readonly uint[] _values = new uint[RegisterReadRequest.MaxCount];

        /// <summary>Values held, 0..32.</summary>
        public int Count { get; private set; }

        /// <summary>Value <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>).</summary>
        /// <exception cref="ArgumentOutOfRangeException">Index outside 0..Count−1.</exception>
        public uint this[int index]
        {
            get
            {
                if (index < 0 || index >= Count)
                {
                    throw new ArgumentOutOfRangeException(nameof(index), "register value index out of range");
                }

                return _values[index];
            }
        }

        /// <summary>Forgets every value.</summary>
        public void Clear() => Count = 0;

        /// <summary>Appends one value.</summary>
        /// <exception cref="InvalidOperationException">Already 32 values.</exception>
        public void Add(uint value)
        {
            if (Count == RegisterReadRequest.MaxCount)
            {
                throw new InvalidOperationException("a register read response holds at most 32 values");
            }

            _values[Count++] = value;
        }

        /// <summary>Writes the payload at <paramref name="offset"/>; returns the bytes written (4 × <see cref="Count"/>).</summary>
        public int WriteTo(byte[] buffer, int offset)
        {
            for (var i = 0; i < Count; i++)
            {
                ByteOrder.WriteUInt32LittleEndian(buffer, offset + (4 * i), _values[i]);
            }

            return 4 * Count;
        }

        /// <summary>Fills <paramref name="result"/> from a payload of 4 to 128 bytes, a multiple of 4; false otherwise.</summary>
        public static bool TryReadFrom(byte[] buffer, int offset, int length, RegisterReadResponse result)
        {
            if (length < 4 || length > 4 * RegisterReadRequest.MaxCount || length % 4 != 0 || buffer == null || offset < 0 || offset > buffer.Length - length)
            {
                return false;
            }

            result.Clear();
            for (var i = 0; i < length / 4; i++)
            {
                result.Add(ByteOrder.ReadUInt32LittleEndian(buffer, offset + (4 * i)));
            }

            return true;
        }
    }
}

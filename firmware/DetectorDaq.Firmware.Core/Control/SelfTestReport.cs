using System;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Control
{
    /// <summary>
    /// Response payload of <see cref="ControlCommand.SelfTest"/>: up to 32 named pass/fail checks.
    /// <code>
    /// off size field
    ///  0  u8   check count, 0..32
    ///  then per check:
    ///     u8   passed (0 or 1)
    ///     str  name (u8 length + ≤ 40 ASCII)
    ///     str  detail (u8 length + ≤ 80 ASCII)
    /// </code>
    /// Details stop at 80 characters (not 100) so that 32 full checks, 1 + 32 × 123 = 3937 bytes,
    /// fit the 4096-byte control payload.
    /// </summary>
    public sealed class SelfTestReport
    {
        /// <summary>Most checks one report holds.</summary>
        public const int MaxChecks = ControlMessageFormat.SelfTestResponsePassedMaxCount;

        /// <summary>Longest check name, characters.</summary>
        public const int MaxNameLength = ControlMessageFormat.SelfTestResponseNameMaxLength;

        /// <summary>Longest check detail, characters.</summary>
        public const int MaxDetailLength = ControlMessageFormat.SelfTestResponseDetailMaxLength;

        /// <summary>Largest payload a full report takes, bytes.</summary>
        public const int MaxSize = 1 + (MaxChecks * (1 + 1 + MaxNameLength + 1 + MaxDetailLength));

        private readonly string[] _names = new string[MaxChecks];
        private readonly string[] _details = new string[MaxChecks];
        private readonly bool[] _passed = new bool[MaxChecks];

        /// <summary>Checks held, 0..32.</summary>
        public int Count { get; private set; }

        /// <summary>True when every check passed (also when there is none).</summary>
        public bool AllPassed
        {
            get
            {
                for (var i = 0; i < Count; i++)
                {
                    if (!_passed[i])
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        /// <summary>Records one check.</summary>
        /// <exception cref="ArgumentException">Name or detail too long or not printable ASCII.</exception>
        /// <exception cref="InvalidOperationException">Already 32 checks.</exception>
        public void Add(string name, bool passed, string detail)
        {
            if (Count == MaxChecks)
            {
                throw new InvalidOperationException("a self-test report holds at most 32 checks");
            }

            _names[Count] = AsciiField.Require(name, MaxNameLength, nameof(name));
            _details[Count] = AsciiField.Require(detail, MaxDetailLength, nameof(detail));
            _passed[Count] = passed;
            Count++;
        }

        /// <summary>Check <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>).</summary>
        /// <exception cref="ArgumentOutOfRangeException">Index outside 0..Count−1.</exception>
        public SelfTestCheck this[int index]
        {
            get
            {
                if (index < 0 || index >= Count)
                {
                    throw new ArgumentOutOfRangeException(nameof(index), "self-test check index out of range");
                }

                return new SelfTestCheck(_names[index], _passed[index], _details[index]);
            }
        }

        /// <summary>Forgets every check.</summary>
        public void Clear() => Count = 0;

        /// <summary>Writes the payload at <paramref name="offset"/>; returns the bytes written (at most <see cref="MaxSize"/>).</summary>
        public int WriteTo(byte[] buffer, int offset)
        {
            var position = offset;
            buffer[position++] = (byte)Count;
            for (var i = 0; i < Count; i++)
            {
                buffer[position++] = _passed[i] ? (byte)1 : (byte)0;
                position += AsciiField.Write(buffer, position, _names[i]);
                position += AsciiField.Write(buffer, position, _details[i]);
            }

            return position - offset;
        }

        /// <summary>Fills <paramref name="result"/> from a payload of exactly <paramref name="length"/> bytes; false when it is not a valid report.</summary>
        public static bool TryReadFrom(byte[] buffer, int offset, int length, SelfTestReport result)
        {
            if (buffer == null || offset < 0 || length < 1 || offset > buffer.Length - length || buffer[offset] > MaxChecks)
            {
                return false;
            }

            result.Clear();
            var end = offset + length;
            var position = offset + 1;
            for (var i = 0; i < buffer[offset]; i++)
            {
                if (position >= end || buffer[position] > 1)
                {
                    return false;
                }

                var passed = buffer[position++] == 1;
                var used = AsciiField.TryRead(buffer, position, end, MaxNameLength, out var name);
                if (used < 0)
                {
                    return false;
                }

                position += used;
                used = AsciiField.TryRead(buffer, position, end, MaxDetailLength, out var detail);
                if (used < 0)
                {
                    return false;
                }

                position += used;
                result.Add(name, passed, detail);
            }

            return position == end;
        }
    }
}

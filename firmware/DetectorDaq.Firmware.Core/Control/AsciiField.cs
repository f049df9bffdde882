using System;

namespace DetectorDaq.Firmware.Control
{
    /// <summary>
    /// Length-prefixed ASCII strings of control payloads, encoded by hand because nanoFramework has no
    /// System.Text.Encoding:
    /// <code>
    /// +--------+------------------------------+
    /// | len u8 | len bytes, 0x20..0x7E each   |
    /// +--------+------------------------------+
    /// </code>
    /// Only printable ASCII is allowed, so a string is one line on any terminal.
    /// </summary>
    public static class AsciiField
    {
        /// <summary>Bytes <paramref name="value"/> occupies on the wire (length byte included).</summary>
        public static int SizeOf(string value) => 1 + value.Length;

        /// <summary>True when <paramref name="value"/> is printable ASCII of at most <paramref name="maxLength"/> characters.</summary>
        public static bool IsValid(string value, int maxLength)
        {
            if (value == null || value.Length > maxLength)
            {
                return false;
            }

            for (var i = 0; i < value.Length; i++)
            {
                if (value[i] < ' ' || value[i] > '~')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Throws unless <paramref name="value"/> is printable ASCII of at most <paramref name="maxLength"/> characters; returns it.</summary>
        /// <exception cref="ArgumentException">Too long, null or not printable ASCII.</exception>
        public static string Require(string value, int maxLength, string name)
        {
            if (!IsValid(value, maxLength))
            {
                throw new ArgumentException(name + " must be printable ASCII of at most " + maxLength.ToString() + " characters", name);
            }

            return value;
        }

        /// <summary>
        /// <paramref name="value"/> made printable (other characters become '?') and cut to
        /// <paramref name="maxLength"/> characters; for reasons taken from exceptions and backends.
        /// </summary>
        public static string Fit(string value, int maxLength)
        {
            if (value == null)
            {
                return string.Empty;
            }

            if (IsValid(value, maxLength))
            {
                return value;
            }

            var length = value.Length < maxLength ? value.Length : maxLength;
            var characters = new char[length];
            for (var i = 0; i < length; i++)
            {
                var c = value[i];
                characters[i] = c < ' ' || c > '~' ? '?' : c;
            }

            return new string(characters);
        }

        /// <summary>Writes <paramref name="value"/> (already validated) at <paramref name="offset"/>; returns the bytes written.</summary>
        public static int Write(byte[] buffer, int offset, string value)
        {
            buffer[offset] = (byte)value.Length;
            for (var i = 0; i < value.Length; i++)
            {
                buffer[offset + 1 + i] = (byte)value[i];
            }

            return 1 + value.Length;
        }

        /// <summary>
        /// Reads a string at <paramref name="offset"/> that must end by <paramref name="end"/> and hold at
        /// most <paramref name="maxLength"/> printable characters; returns the bytes read, or -1 when invalid.
        /// </summary>
        public static int TryRead(byte[] buffer, int offset, int end, int maxLength, out string value)
        {
            value = string.Empty;
            if (offset >= end)
            {
                return -1;
            }

            var length = buffer[offset];
            if (length > maxLength || offset + 1 + length > end)
            {
                return -1;
            }

            var characters = new char[length];
            for (var i = 0; i < length; i++)
            {
                var b = buffer[offset + 1 + i];
                if (b < 0x20 || b > 0x7E)
                {
                    return -1;
                }

                characters[i] = (char)b;
            }

            value = new string(characters);
            return 1 + length;
        }
    }
}

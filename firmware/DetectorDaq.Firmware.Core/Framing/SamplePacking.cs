using System;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Framing
{
    /// <summary>
    /// Sample encodings of the data-packet payload (udp-data-packet.yaml, SampleEncoding):
    /// <code>
    /// Unsigned16  s0[7:0] s0[15:8] | s1[7:0] s1[15:8] | …                         2 bytes/sample, LE
    /// Packed20    s0[19:12] s0[11:4] s0[3:0]·s1[19:16] s1[15:8] s1[7:0] | …    2 samples in 5 bytes, MSB first;
    ///             an odd last sample takes 3 bytes, its low nibble zero
    /// Signed24    s0[7:0] s0[15:8] s0[23:16] | …                              3 bytes/sample, two's complement, LE
    /// Signed32    s0[7:0] s0[15:8] s0[23:16] s0[31:24] | …                    4 bytes/sample, two's complement, LE
    /// </code>
    /// Shared by the controller's framer and the host's decoder.
    /// </summary>
    public static class SamplePacking
    {
        /// <summary>True for the four encodings the format defines.</summary>
        public static bool IsSupported(SampleEncoding encoding) =>
            encoding >= SampleEncoding.Unsigned16 && encoding <= SampleEncoding.Signed32;

        /// <summary>Payload bytes of <paramref name="sampleCount"/> samples.</summary>
        public static int PayloadBytes(SampleEncoding encoding, int sampleCount)
        {
            switch (encoding)
            {
                case SampleEncoding.Unsigned16: return 2 * sampleCount;
                case SampleEncoding.Packed20: return ((5 * sampleCount) + 1) / 2;
                case SampleEncoding.Signed24: return 3 * sampleCount;
                case SampleEncoding.Signed32: return 4 * sampleCount;
                default: throw Unsupported(encoding);
            }
        }

        /// <summary>
        /// Most whole samples that fit <paramref name="payloadBytes"/>; even for Packed20 so that every
        /// packet of a frame starts byte-aligned.
        /// </summary>
        public static int MaxSamples(SampleEncoding encoding, int payloadBytes)
        {
            switch (encoding)
            {
                case SampleEncoding.Unsigned16: return payloadBytes / 2;
                case SampleEncoding.Packed20: return (payloadBytes / 5) * 2;
                case SampleEncoding.Signed24: return payloadBytes / 3;
                case SampleEncoding.Signed32: return payloadBytes / 4;
                default: throw Unsupported(encoding);
            }
        }

        /// <summary>Smallest code of the encoding (full scale, negative side for signed encodings).</summary>
        public static int MinValue(SampleEncoding encoding)
        {
            switch (encoding)
            {
                case SampleEncoding.Unsigned16:
                case SampleEncoding.Packed20: return 0;
                case SampleEncoding.Signed24: return -0x800000;
                case SampleEncoding.Signed32: return int.MinValue;
                default: throw Unsupported(encoding);
            }
        }

        /// <summary>Largest code of the encoding (positive full scale).</summary>
        public static int MaxValue(SampleEncoding encoding)
        {
            switch (encoding)
            {
                case SampleEncoding.Unsigned16: return 0xFFFF;
                case SampleEncoding.Packed20: return 0xFFFFF;
                case SampleEncoding.Signed24: return 0x7FFFFF;
                case SampleEncoding.Signed32: return int.MaxValue;
                default: throw Unsupported(encoding);
            }
        }

        /// <summary>
        /// Packs <paramref name="count"/> samples from <paramref name="samples"/>[<paramref name="sampleOffset"/>] into
        /// <paramref name="buffer"/> at <paramref name="offset"/>, clamping each to the encoding's range; returns the bytes written.
        /// </summary>
        public static int Pack(int[] samples, int sampleOffset, int count, SampleEncoding encoding, byte[] buffer, int offset)
        {
            var min = MinValue(encoding);
            var max = MaxValue(encoding);
            var position = offset;
            for (var i = 0; i < count; i++)
            {
                var value = samples[sampleOffset + i];
                value = value > max ? max : value < min ? min : value;
                switch (encoding)
                {
                    case SampleEncoding.Unsigned16:
                        buffer[position++] = (byte)value;
                        buffer[position++] = (byte)(value >> 8);
                        break;
                    case SampleEncoding.Packed20:
                        if ((i & 1) == 0)
                        {
                            buffer[position++] = (byte)(value >> 12);
                            buffer[position++] = (byte)(value >> 4);
                            buffer[position] = (byte)(value << 4);
                            if (i == count - 1)
                            {
                                position++;
                            }
                        }
                        else
                        {
                            buffer[position++] |= (byte)(value >> 16);
                            buffer[position++] = (byte)(value >> 8);
                            buffer[position++] = (byte)value;
                        }

                        break;
                    case SampleEncoding.Signed24:
                        buffer[position++] = (byte)value;
                        buffer[position++] = (byte)(value >> 8);
                        buffer[position++] = (byte)(value >> 16);
                        break;
                    default:
                        buffer[position++] = (byte)value;
                        buffer[position++] = (byte)(value >> 8);
                        buffer[position++] = (byte)(value >> 16);
                        buffer[position++] = (byte)(value >> 24);
                        break;
                }
            }

            return position - offset;
        }

        /// <summary>
        /// Unpacks <paramref name="count"/> samples from <paramref name="buffer"/> at <paramref name="offset"/> into
        /// <paramref name="destination"/>[<paramref name="destinationOffset"/>]; signed encodings are sign-extended.
        /// </summary>
        public static void Unpack(byte[] buffer, int offset, int count, SampleEncoding encoding, int[] destination, int destinationOffset)
        {
            var position = offset;
            switch (encoding)
            {
                case SampleEncoding.Unsigned16:
                    for (var i = 0; i < count; i++, position += 2)
                    {
                        destination[destinationOffset + i] = buffer[position] | (buffer[position + 1] << 8);
                    }

                    break;
                case SampleEncoding.Packed20:
                    for (var i = 0; i < count; i++)
                    {
                        if ((i & 1) == 0)
                        {
                            destination[destinationOffset + i] = (buffer[position] << 12) | (buffer[position + 1] << 4) | (buffer[position + 2] >> 4);
                            position += 2;
                        }
                        else
                        {
                            destination[destinationOffset + i] = ((buffer[position] & 0x0F) << 16) | (buffer[position + 1] << 8) | buffer[position + 2];
                            position += 3;
                        }
                    }

                    break;
                case SampleEncoding.Signed24:
                    for (var i = 0; i < count; i++, position += 3)
                    {
                        // Shifting the top byte into bit 31 and back sign-extends bit 23.
                        destination[destinationOffset + i] = ((buffer[position] << 8) | (buffer[position + 1] << 16) | (buffer[position + 2] << 24)) >> 8;
                    }

                    break;
                case SampleEncoding.Signed32:
                    for (var i = 0; i < count; i++, position += 4)
                    {
                        destination[destinationOffset + i] = buffer[position] | (buffer[position + 1] << 8) | (buffer[position + 2] << 16) | (buffer[position + 3] << 24);
                    }

                    break;
                default:
                    throw Unsupported(encoding);
            }
        }

        private static ArgumentOutOfRangeException Unsupported(SampleEncoding encoding) =>
            new ArgumentOutOfRangeException(nameof(encoding), "sample encoding " + ((int)encoding).ToString() + " is not defined");
    }
}

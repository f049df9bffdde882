using DetectorDaq.Calibration.Constants;

namespace DetectorDaq.CalibrationDb.Tests;

/// <summary>Constants with awkward values (NaN payloads, −0, subnormals, infinities, high flag bits) to prove bit-exact storage.</summary>
internal static class TestConstants
{
    public static readonly CalibrationConditions Conditions = new(25.0, 1_000_000, "150pC");

    public static string UniqueSerial(string prefix = "M") => $"{prefix}-{Guid.NewGuid():N}";

    public static CalibrationConstants Create(string serial, DateTimeOffset validFrom, CalibrationConditions? conditions = null, int seed = 1)
    {
        const int rows = 3;
        const int columns = 4;
        const int sides = 2;
        const int order = 2;
        var random = new Random(seed);
        float[] Values(int count) => Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 1000 - 200)).ToArray();
        var offset = Values(rows * columns * sides);
        offset[0] = BitConverter.Int32BitsToSingle(0x7FC0_1234);
        offset[1] = -0.0f;
        offset[2] = float.Epsilon;
        offset[3] = float.NegativeInfinity;
        var bad = new uint[rows * columns];
        bad[1] = (uint)(BadChannelFlags.NoiseOutOfRange | BadChannelFlags.Interpolated);
        bad[5] = (uint)BadChannelFlags.Dead;
        bad[7] = 0x8000_0000 | (uint)BadChannelFlags.Dead;
        return new CalibrationConstants
        {
            ModuleSerial = serial,
            Conditions = conditions ?? Conditions,
            ValidFrom = validFrom,
            Station = "station-7",
            SoftwareVersion = "1.2.3+abc",
            Rows = rows,
            Columns = columns,
            Sides = sides,
            Offset = offset,
            Noise = Values(rows * columns * sides),
            Gain = Values(rows * columns * sides),
            Nonlinearity = Values(rows * columns * sides * (order + 1)),
            NonlinearityOrder = order,
            BadChannels = bad,
            LagAmplitudes = [0.01f, 0.002f],
            LagRates = [0.5f, 0.05f],
        };
    }

    /// <summary>Asserts that two sets of constants hold the same metadata and the same bits in every array.</summary>
    public static void AssertBitExact(CalibrationConstants actual, CalibrationConstants expected)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(actual.ModuleSerial, Is.EqualTo(expected.ModuleSerial));
            Assert.That(actual.Conditions, Is.EqualTo(expected.Conditions));
            Assert.That(actual.ValidFrom.UtcTicks, Is.EqualTo(expected.ValidFrom.UtcTicks));
            Assert.That(actual.ValidFrom.Offset, Is.EqualTo(expected.ValidFrom.Offset));
            Assert.That(actual.Station, Is.EqualTo(expected.Station));
            Assert.That(actual.SoftwareVersion, Is.EqualTo(expected.SoftwareVersion));
            Assert.That((actual.Rows, actual.Columns, actual.Sides), Is.EqualTo((expected.Rows, expected.Columns, expected.Sides)));
            Assert.That(actual.NonlinearityOrder, Is.EqualTo(expected.NonlinearityOrder));
            Assert.That(Bits(actual.Offset), Is.EqualTo(Bits(expected.Offset)));
            Assert.That(Bits(actual.Noise), Is.EqualTo(Bits(expected.Noise)));
            Assert.That(Bits(actual.Gain), Is.EqualTo(Bits(expected.Gain)));
            Assert.That(Bits(actual.Nonlinearity), Is.EqualTo(Bits(expected.Nonlinearity)));
            Assert.That(actual.BadChannels, Is.EqualTo(expected.BadChannels));
            Assert.That(Bits(actual.LagAmplitudes), Is.EqualTo(Bits(expected.LagAmplitudes)));
            Assert.That(Bits(actual.LagRates), Is.EqualTo(Bits(expected.LagRates)));
        }
    }

    private static int[] Bits(float[] values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();
}

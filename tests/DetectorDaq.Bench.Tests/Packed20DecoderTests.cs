using DetectorDaq.Calibration.Kernels;
using DetectorDaq.Firmware.Framing;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Bench.Tests;

public class Packed20DecoderTests
{
    [TestCase(1)]
    [TestCase(4)]
    [TestCase(5)]
    [TestCase(8)]
    [TestCase(11)]
    [TestCase(3200)]
    [TestCase(3201)]
    public void Unpack_EqualsFirmwareReference(int count)
    {
        var codes = RawCalibrationKernelTests.RandomCodes(new Random(count), count);
        var packed = RawCalibrationKernelTests.Pack(codes);
        var reference = new int[count];
        var simd = new int[count];

        SamplePacking.Unpack(packed, 0, count, SampleEncoding.Packed20, reference, 0);
        Packed20Decoder.Unpack(packed, simd);

        Assert.That(simd, Is.EqualTo(reference));
        Assert.That(simd, Is.EqualTo(codes));
    }

    [Test]
    public void Unpack_WalksEveryBitOfBothCodesOfAPair()
    {
        for (var bit = 0; bit < 20; bit++)
        {
            int[] codes = [1 << bit, 0, 0, 1 << (19 - bit), 1 << bit, 1 << bit, 0, 1 << bit];
            var decoded = new int[codes.Length];

            Packed20Decoder.Unpack(RawCalibrationKernelTests.Pack(codes), decoded);

            Assert.That(decoded, Is.EqualTo(codes), $"bit {bit}");
        }
    }
}

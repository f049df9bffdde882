using DetectorDaq.Firmware.Framing;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Tests.Framing;

public class SamplePackingTests
{
    [TestCase(SampleEncoding.Unsigned16, new[] { 0x1234, 0xABCD }, new byte[] { 0x34, 0x12, 0xCD, 0xAB })]
    [TestCase(SampleEncoding.Packed20, new[] { 0x12345, 0xABCDE }, new byte[] { 0x12, 0x34, 0x5A, 0xBC, 0xDE })]
    [TestCase(SampleEncoding.Packed20, new[] { 0x12345, 0xABCDE, 0xFEDCB }, new byte[] { 0x12, 0x34, 0x5A, 0xBC, 0xDE, 0xFE, 0xDC, 0xB0 })]
    [TestCase(SampleEncoding.Signed24, new[] { -2, 0x123456 }, new byte[] { 0xFE, 0xFF, 0xFF, 0x56, 0x34, 0x12 })]
    [TestCase(SampleEncoding.Signed32, new[] { -2 }, new byte[] { 0xFE, 0xFF, 0xFF, 0xFF })]
    public void Samples_PackToDocumentedBytes_AndBack(SampleEncoding encoding, int[] samples, byte[] expected)
    {
        var buffer = new byte[16];
        var written = SamplePacking.Pack(samples, 0, samples.Length, encoding, buffer, 0);
        Assert.That(written, Is.EqualTo(SamplePacking.PayloadBytes(encoding, samples.Length)));
        Assert.That(buffer.Take(written).ToArray(), Is.EqualTo(expected));

        var unpacked = new int[samples.Length];
        SamplePacking.Unpack(buffer, 0, samples.Length, encoding, unpacked, 0);
        Assert.That(unpacked, Is.EqualTo(samples));
    }
}

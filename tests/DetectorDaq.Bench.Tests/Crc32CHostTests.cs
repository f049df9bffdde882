using DetectorDaq.Receiver.FastPath;
using System.Text;
using DetectorDaq.Firmware.Crc;

namespace DetectorDaq.Bench.Tests;

public class Crc32CHostTests
{
    [Test]
    public void CheckValue_MatchesRfc3720()
    {
        Assert.That(Crc32CHost.Compute(Encoding.ASCII.GetBytes("123456789")), Is.EqualTo(0xE3069283u));
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(7)]
    [TestCase(8)]
    [TestCase(8048)]
    public void EqualsFirmwareTableCrc(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);

        Assert.That(Crc32CHost.Compute(data), Is.EqualTo(Crc32C.Compute(data, 0, length)));
    }
}

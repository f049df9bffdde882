using System.Text;
using DetectorDaq.Firmware.Crc;

namespace DetectorDaq.Firmware.Tests.Crc;

public class CrcTests
{
    private static readonly byte[] CheckInput = Encoding.ASCII.GetBytes("123456789");

    [Test]
    public void Crc32C_OfCheckString_IsCatalogueCheckValue() =>
        Assert.That(Crc32C.Compute(CheckInput, 0, CheckInput.Length), Is.EqualTo(0xE3069283u));

    [TestCase((byte)0x00, 0x8A9136AAu)]
    [TestCase((byte)0xFF, 0x62A8AB43u)]
    public void Crc32C_Of32EqualBytes_MatchesRfc3720Vector(byte value, uint expected)
    {
        var data = Enumerable.Repeat(value, 32).ToArray();
        Assert.That(Crc32C.Compute(data, 0, data.Length), Is.EqualTo(expected));
    }

    [Test]
    public void Crc32C_FedInPieces_EqualsOneShot()
    {
        var state = Crc32C.Append(Crc32C.Start(), CheckInput, 0, 4);
        state = Crc32C.Append(state, CheckInput, 4, 5);
        Assert.That(Crc32C.Finish(state), Is.EqualTo(0xE3069283u));
    }

    [Test]
    public void Crc16Ccitt_OfCheckString_IsCcittFalseCheckValue() =>
        Assert.That(Crc16.Ccitt.Compute(CheckInput, 0, CheckInput.Length), Is.EqualTo((ushort)0x29B1));
}

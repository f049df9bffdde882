using DetectorDaq.Interfaces.Catalog;

namespace DetectorDaq.Interfaces.Tests;

/// <summary>The ADS131M08 map against TI SBAS950 §8.6 Table 8-12 (values typed in from the datasheet, not from our YAML).</summary>
public class Ads131m08MapTests
{
    [TestCase("ID", 0x00, 0x2800)]
    [TestCase("STATUS", 0x01, 0x0500)]
    [TestCase("MODE", 0x02, 0x0510)]
    [TestCase("CLOCK", 0x03, 0xFF0E)]
    [TestCase("GAIN1", 0x04, 0x0000)]
    [TestCase("GAIN2", 0x05, 0x0000)]
    [TestCase("CFG", 0x06, 0x0600)]
    [TestCase("THRSHLD_MSB", 0x07, 0x0000)]
    [TestCase("THRSHLD_LSB", 0x08, 0x0000)]
    [TestCase("CH0_CFG", 0x09, 0x0000)]
    [TestCase("CH0_OCAL_MSB", 0x0A, 0x0000)]
    [TestCase("CH0_OCAL_LSB", 0x0B, 0x0000)]
    [TestCase("CH0_GCAL_MSB", 0x0C, 0x8000)]
    [TestCase("CH0_GCAL_LSB", 0x0D, 0x0000)]
    [TestCase("CH1_CFG", 0x0E, 0x0000)]
    [TestCase("CH3_GCAL_MSB", 0x1B, 0x8000)]
    [TestCase("CH7_CFG", 0x2C, 0x0000)]
    [TestCase("CH7_OCAL_MSB", 0x2D, 0x0000)]
    [TestCase("CH7_GCAL_MSB", 0x2F, 0x8000)]
    [TestCase("CH7_GCAL_LSB", 0x30, 0x0000)]
    [TestCase("REGMAP_CRC", 0x3E, 0x0000)]
    public void Register_HasTheDatasheetAddressAndResetValue(string name, int address, int reset)
    {
        var register = InterfaceCatalog.Ads131m08.FindByName(name);

        Assert.That(register, Is.Not.Null);
        Assert.That(register!.Address, Is.EqualTo(address));
        Assert.That(register.Reset & register.ResetKnownMask, Is.EqualTo((ulong)reset));
    }

    [Test]
    public void AddressesBetweenTheChannelBlockAndTheCrc_AreReserved()
    {
        var reserved = Enumerable.Range(0x31, 0x3E - 0x31).Append(0x3F);

        Assert.That(reserved.Where(address => InterfaceCatalog.Ads131m08.FindByAddress(address) is not null), Is.Empty);
    }

    [TestCase("MODE", "WLENGTH", 8, 2)]
    [TestCase("MODE", "RX_CRC_EN", 12, 1)]
    [TestCase("STATUS", "CRC_ERR", 12, 1)]
    [TestCase("CLOCK", "OSR", 2, 3)]
    [TestCase("CLOCK", "CH_EN", 8, 8)]
    [TestCase("GAIN1", "PGAGAIN3", 12, 3)]
    [TestCase("CH5_CFG", "PHASE", 6, 10)]
    [TestCase("CH5_CFG", "MUX", 0, 2)]
    public void Field_HasTheDatasheetBitPosition(string register, string field, int lsb, int width)
    {
        var found = InterfaceCatalog.Ads131m08.FindByName(register)!.Fields.Single(f => f.Name == field);

        Assert.That((found.Lsb, found.Width), Is.EqualTo((lsb, width)));
    }
}

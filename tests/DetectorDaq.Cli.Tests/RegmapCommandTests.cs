using System.Text.Json;

namespace DetectorDaq.Cli.Tests;

public class RegmapCommandTests
{
    // TI SBAS950 Table 8-12: address → reset value.
    [TestCase("ID", 0x00, 0x2800)]
    [TestCase("STATUS", 0x01, 0x0500)]
    [TestCase("MODE", 0x02, 0x0510)]
    [TestCase("CLOCK", 0x03, 0xFF0E)]
    [TestCase("CFG", 0x06, 0x0600)]
    [TestCase("CH0_GCAL_MSB", 0x0C, 0x8000)]
    [TestCase("CH7_CFG", 0x2C, 0x0000)]
    [TestCase("REGMAP_CRC", 0x3E, 0x0000)]
    public void RegmapJson_OfTheAds131m08_AgreesWithTheDatasheet(string name, int address, int reset)
    {
        var run = CommandLineRun.Of("regmap", "ads131m08", "--format", "json");

        using var json = JsonDocument.Parse(run.Output);
        var register = json.RootElement.GetProperty("registers").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);
        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(json.RootElement.GetProperty("chip").GetString(), Is.EqualTo("ads131m08"));
        Assert.That(register.GetProperty("address").GetInt32(), Is.EqualTo(address));
        Assert.That(register.GetProperty("reset").GetInt32() & register.GetProperty("reset_known_mask").GetInt32(), Is.EqualTo(reset));
    }

    [Test]
    public void RegmapJson_HasTheDocumentedShape()
    {
        var run = CommandLineRun.Of("regmap", "fpga", "--format", "json");

        using var json = JsonDocument.Parse(run.Output);
        foreach (var register in json.RootElement.GetProperty("registers").EnumerateArray())
        {
            Assert.That(register.GetProperty("name").ValueKind, Is.EqualTo(JsonValueKind.String));
            Assert.That(register.GetProperty("address").ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(register.GetProperty("reset").ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(register.GetProperty("access").GetString(), Is.AnyOf("ro", "rw", "wo", "w1"));
            foreach (var field in register.GetProperty("fields").EnumerateArray())
            {
                Assert.That(field.GetProperty("lsb").GetInt32() + field.GetProperty("width").GetInt32(), Is.LessThanOrEqualTo(32));
            }
        }
    }

    [Test]
    public void RegmapJson_ExpandsTheChannelBlocksOfTheAds131m08()
    {
        var run = CommandLineRun.Of("regmap", "ads131m08");

        using var json = JsonDocument.Parse(run.Output);
        var addresses = json.RootElement.GetProperty("registers").EnumerateArray().Select(r => r.GetProperty("address").GetInt32()).ToList();
        Assert.That(addresses, Has.Count.EqualTo(9 + (8 * 5) + 1));
        Assert.That(addresses, Is.Unique.And.Ordered);
    }

    [Test]
    public void RegmapMarkdown_MarksUnconfirmedBits()
    {
        var run = CommandLineRun.Of("regmap", "ddc264", "--format", "md");

        Assert.That(run.Output, Does.Contain("| 10:9 | RANGE |").And.Contain("unconfirmed"));
    }

    [Test]
    public void RegmapSystemVerilog_IsAPackageWithTheAddresses()
    {
        var run = CommandLineRun.Of("regmap", "ads131m08", "--format", "sv");

        Assert.That(run.Output, Does.Contain("package ads131m08_regs_pkg;").And.Contain("ADS131M08_CLOCK_RESET = 16'hFF0E").And.Contain("endpackage"));
    }

    [Test]
    public void UnknownChip_IsOneErrorLineAndExitCode2()
    {
        var run = CommandLineRun.Of("regmap", "ads1299");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.Contain("unknown chip 'ads1299'"));
    }
}

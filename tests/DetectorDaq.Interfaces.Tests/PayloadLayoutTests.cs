using DetectorDaq.Interfaces.Catalog;
using DetectorDaq.Interfaces.Loading;

namespace DetectorDaq.Interfaces.Tests;

public class PayloadLayoutTests
{
    private const string Format = """
        name: test_message
        title: Test
        source: Test spec
        byte_order: little
        size: 4
        fields:
          - {name: MAGIC, offset: 0, type: u32, description: "Magic."}
        payloads:
          - name: REQUEST
            description: A request.
            fields:
              - {name: A, offset: 0, type: u16, description: "A."}
              - {name: B, offset: 2, type: u32, description: "B."}
        """;

    [Test]
    public void FixedPayload_HasTheSizeOfItsFields()
    {
        var format = InterfaceLoader.LoadFormat("test.yaml", Format);

        Assert.That(format.Payloads.Single().FixedSize, Is.EqualTo(6));
    }

    [TestCase("offset: 2, type: u32", "offset: 3, type: u32", "does not follow")]
    [TestCase("type: u32, description: \"B.\"", "type: float, description: \"B.\"", "type must be")]
    [TestCase("{name: B, offset: 2, type: u32, description: \"B.\"}", "{name: B, offset: 2, type: text, description: \"B.\"}", "max_length")]
    public void InconsistentPayload_IsRejected(string original, string replacement, string message)
    {
        var yaml = Format.Replace(original, replacement, StringComparison.Ordinal);

        var exception = Assert.Throws<InterfaceDefinitionException>(() => InterfaceLoader.LoadFormat("test.yaml", yaml));

        Assert.That(exception!.Message, Does.Contain(message).And.Contain("payload REQUEST"));
    }

    [Test]
    public void ConfigurePayload_Is37BytesAndEndsWithTheTestPatternSeed()
    {
        var configure = InterfaceCatalog.ControlMessage.Payloads.Single(p => p.Name == "CONFIGURE_REQUEST");

        Assert.That(configure.FixedSize, Is.EqualTo(37));
        Assert.That(configure.Fields[^1].Name, Is.EqualTo("TEST_PATTERN_SEED"));
    }

    [Test]
    public void SelfTestReport_FitsTheLargestControlPayload()
    {
        var selfTest = InterfaceCatalog.ControlMessage.Payloads.Single(p => p.Name == "SELF_TEST_RESPONSE");
        var checks = selfTest.Fields.Single(f => f.Name == "PASSED").MaxCount;
        var perCheck = 1 + selfTest.Fields.Where(f => f.Name is "NAME" or "DETAIL").Sum(f => 1 + f.MaxLength);
        var maximum = InterfaceCatalog.ControlMessage.Constants.Single(c => c.Name == "MAX_PAYLOAD").Value;

        Assert.That(1 + (checks * perCheck), Is.LessThanOrEqualTo(maximum));
    }
}

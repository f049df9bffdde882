using DetectorDaq.Interfaces.Loading;

namespace DetectorDaq.Interfaces.Tests;

public class InterfaceLoaderTests
{
    private const string Valid = """
        name: chip
        title: Test chip
        datasheet: Test datasheet
        word_bits: 16
        address_bits: 4
        address_count: 16
        registers:
          - name: CTRL
            address: 0x01
            access: rw
            reset: 0x0001
            description: Control.
            source: §1
            fields:
              - {name: EN, lsb: 0, width: 1, description: "Enable."}
        """;

    [Test]
    public void ValidMap_Loads()
    {
        var map = InterfaceLoader.LoadRegisterMap("chip.yaml", Valid);

        Assert.That(map.Registers.Single().WritableMask, Is.EqualTo(0x1UL));
    }

    [TestCase("width: 1, description: \"Enable.\"}", "width: 1, description: \"Enable.\"}\n      - {name: EN2, lsb: 0, width: 2, description: \"x\"}", "overlap")]
    [TestCase("reset: 0x0001", "reset: 0x10001", "wider than 16 bits")]
    [TestCase("address: 0x01", "address: 0x20", "outside")]
    [TestCase("access: rw", "access: maybe", "access must be")]
    [TestCase("lsb: 0, width: 1", "lsb: 15, width: 2", "do not fit")]
    [TestCase("source: §1", "source: \"\"", "source is missing")]
    public void InconsistentMap_IsRejectedWithAMessageNamingTheProblem(string original, string replacement, string expectedMessage)
    {
        var yaml = Valid.Replace(original, replacement, StringComparison.Ordinal);

        var exception = Assert.Throws<InterfaceDefinitionException>(() => InterfaceLoader.LoadRegisterMap("chip.yaml", yaml));

        Assert.That(exception!.Message, Does.Contain(expectedMessage).And.Contain("chip.yaml"));
    }

    [Test]
    public void RepeatedRegister_IsExpandedWithItsStride()
    {
        var yaml = Valid.Replace("name: CTRL", "name: CH{n}_CTRL\n    repeat: {count: 3, stride: 4}", StringComparison.Ordinal);

        var map = InterfaceLoader.LoadRegisterMap("chip.yaml", yaml);

        Assert.That(map.Registers.Select(r => (r.Name, r.Address)), Is.EqualTo(new[] { ("CH0_CTRL", 1), ("CH1_CTRL", 5), ("CH2_CTRL", 9) }));
    }
}

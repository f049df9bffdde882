using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Receiver.Topology;

namespace DetectorDaq.Receiver.Tests;

[TestFixture]
public sealed class DetectorTopologyTests
{
    private const string Valid = """
        detector_id: 7
        rows: 2
        columns: 72
        modules:
          - id: 0
            controller: 127.0.0.1:5020
            data_port: 50000
            chips: [{ kind: ddc264, count: 2 }]
            rows: 2
            columns: 64
            first_row: 0
            first_column: 0
          - id: 5
            controller: daq-5.local:5021
            data_port: 0
            chips: [{ kind: ads131m08, count: 2 }]
            rows: 2
            columns: 8
            first_row: 0
            first_column: 64
        """;

    [Test]
    public void ValidFile_GivesModulesAndGeometry()
    {
        var topology = DetectorTopology.Parse(Valid, "valid.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(topology.DetectorId, Is.EqualTo(7));
            Assert.That(topology.Geometry.PixelCount, Is.EqualTo(144));
            Assert.That(topology.Modules.Select(m => m.ModuleId), Is.EqualTo(new[] { 0, 5 }));
            Assert.That(topology.Modules[1].ControllerHost, Is.EqualTo("daq-5.local"));
            Assert.That(topology.Modules[1].ControllerPort, Is.EqualTo(5021));
            Assert.That(topology.Modules[0].DataPort, Is.EqualTo(50000));
            Assert.That(topology.Modules[1].Chips, Is.EqualTo(new[] { new ChipGroup(ChipKind.Ads131m08, 2) }));
            Assert.That(topology.Modules[1].Geometry.PixelIndex(8, 72), Is.EqualTo(72 + 64));
        }
    }

    [Test]
    public void ExampleFile_Loads()
    {
        var topology = DetectorTopology.Load(Path.Combine(AppContext.BaseDirectory, "Examples", "detector.yaml"));

        Assert.That(topology.Modules, Has.Count.EqualTo(2));
    }

    [TestCase("detector_id: 7\nrows: [", 3, "not valid YAML")]
    [TestCase("", 0, "the file is empty")]
    [TestCase("- 1", 1, "the file must be a mapping")]
    [TestCase("detector_id: 7\nrows: 2\ncolumns: 72", 1, "missing 'modules'")]
    [TestCase("detector_id: 7\nrows: two\ncolumns: 72\nmodules: []", 2, "'rows' must be an integer from 1 to 65536, not 'two'")]
    [TestCase("detector_id: 7\nrows: 2\ncolumns: 72\nmodules: []", 4, "'modules' must be a non-empty list")]
    [TestCase("detector_id: 7\nrows: 2\ncolumns: 72\nmodule: []", 4, "unknown key 'module'")]
    public void InvalidDetector_ThrowsNamingFileLineAndProblem(string text, int line, string problem)
    {
        var exception = Assert.Throws<TopologyException>(() => DetectorTopology.Parse(text, "bad.yaml"))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Line, Is.EqualTo(line));
            Assert.That(exception.Message, Does.StartWith(line > 0 ? $"bad.yaml:{line}: " : "bad.yaml: "));
            Assert.That(exception.Message, Does.Contain(problem));
            Assert.That(exception.Message, Does.Not.Contain('\n'));
        }
    }

    [TestCase("controller: 127.0.0.1:5020", "controller: 127.0.0.1", 6, "not HOST:PORT")]
    [TestCase("    data_port: 0\n", "", 13, "missing 'data_port'")]
    [TestCase("kind: ads131m08", "kind: ads1299", 16, "chip kind 'ads1299' is not ads131m08 or ddc264")]
    [TestCase("kind: ads131m08, count: 2", "kind: ads131m08, count: 3", 13, "has 24 chip channels but covers 2 x 8 = 16 pixels")]
    [TestCase("id: 5", "id: 0", 13, "module id 0 is used twice")]
    [TestCase("first_column: 64", "first_column: 65", 13, "lies outside the 2 x 72 detector")]
    [TestCase("first_column: 64", "first_column: 60", 13, "overlaps module 0 at row 0, column 60")]
    [TestCase("data_port: 0", "data_port: 50000", 13, "data port 50000 of module 5 is used twice")]
    public void InvalidModule_ThrowsNamingFileLineAndProblem(string original, string replacement, int line, string problem)
    {
        var text = Valid.Replace(original, replacement, StringComparison.Ordinal);
        Assert.That(text, Is.Not.EqualTo(Valid), "the case must change the file");

        var exception = Assert.Throws<TopologyException>(() => DetectorTopology.Parse(text, "bad.yaml"))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Message, Does.Contain(problem));
            Assert.That(exception.Line, Is.EqualTo(line));
        }
    }

    [Test]
    public void MissingFile_ThrowsNamingIt()
    {
        var exception = Assert.Throws<TopologyException>(() => DetectorTopology.Load("/nonexistent/detector.yaml"))!;

        Assert.That(exception.Message, Does.StartWith("/nonexistent/detector.yaml: cannot read the file"));
    }
}

using System.Text.Json;
using DetectorDaq.Production.Actions;
using DetectorDaq.Production.Records;
using DetectorDaq.Production.Reports;
using DetectorDaq.Production.Scripts;
using DetectorDaq.Production.Workflow;

namespace DetectorDaq.Production.Tests;

public sealed class OutputsTests
{
    private const string Yaml = """
        name: outputs
        description: record and report
        dut: { kind: ddc264 }
        phases:
          - { name: ask, kind: prompt, parameters: { key: beam-off, question: "Beam off?" } }
          - { name: darks, kind: acquire-darks, parameters: { frames: 8 } }
          - { name: flats, kind: acquire-flats, parameters: { frames: 8, levels: [100 nA, 200 nA, 400 nA] } }
          - { name: constants, kind: compute-constants }
        limits:
          - { name: noise, measurement: noise-median, high: 0.1, unit: pC }
        """;

    private static RunResult Run()
    {
        var output = Directory.CreateTempSubdirectory("production-outputs-").FullName;
        using var device = new FakeDevice();
        var result = new ScriptRunner(PhaseActions.Standard()).Run(ScriptParser.Parse(Yaml, "outputs.yaml"), new RunIdentity("DDC-0042", "ST-7"), device, AnswersOperator.FromPairs(["beam-off=yes"]), output);
        Directory.Delete(output, recursive: true);
        return result;
    }

    [Test]
    public void JsonRecord_HasIdentityPhasesMeasurementsLimitsAndAnswers()
    {
        using var json = JsonDocument.Parse(RunRecordWriter.ToJson(Run().Record));
        var root = json.RootElement;

        Assert.That(root.GetProperty("script").GetString(), Is.EqualTo("outputs"));
        Assert.That(root.GetProperty("dutSerial").GetString(), Is.EqualTo("DDC-0042"));
        Assert.That(root.GetProperty("station").GetString(), Is.EqualTo("ST-7"));
        Assert.That(root.GetProperty("outcome").GetString(), Is.EqualTo("PASS"));
        Assert.That(root.GetProperty("start").GetDateTimeOffset(), Is.LessThanOrEqualTo(root.GetProperty("end").GetDateTimeOffset()));
        Assert.That(root.GetProperty("answers").GetProperty("beam-off").GetString(), Is.EqualTo("yes"));
        var phases = root.GetProperty("phases").EnumerateArray().ToArray();
        Assert.That(phases.Select(phase => phase.GetProperty("outcome").GetString()), Is.All.EqualTo("PASS"));
        Assert.That(phases[0].GetProperty("kind").GetString(), Is.EqualTo("prompt"));
        var noise = phases[3].GetProperty("measurements").EnumerateArray().Single(measurement => measurement.GetProperty("name").GetString() == "noise-median");
        Assert.That(noise.GetProperty("unit").GetString(), Is.EqualTo("pC"));
        var limit = noise.GetProperty("limits")[0];
        Assert.That(limit.GetProperty("name").GetString(), Is.EqualTo("noise"));
        Assert.That(limit.GetProperty("high").GetDouble(), Is.EqualTo(0.1));
        Assert.That(limit.GetProperty("unit").GetString(), Is.EqualTo("pC"));
        Assert.That(limit.GetProperty("passed").GetBoolean(), Is.True);
        var bad = phases[3].GetProperty("measurements").EnumerateArray().Single(measurement => measurement.GetProperty("name").GetString() == "bad-channel-fraction");
        Assert.That(bad.GetProperty("unit").GetString(), Is.EqualTo("%"));
    }

    [Test]
    public void HtmlReport_HoldsTheFivePlotsAsPngImages()
    {
        var html = HtmlReport.Render(Run());

        foreach (var (id, _) in CalibrationPlots.All)
        {
            Assert.That(html, Does.Contain($"<figure id=\"{id}\"><img alt=").And.Contain("src=\"data:image/png;base64,iVBORw0KGgo"), id);
        }

        Assert.That(CalibrationPlots.All.Select(plot => plot.Id), Is.EqualTo(new[] { "offset-map", "noise-histogram", "gain-map", "bad-channel-map", "linearity-residuals" }));
        Assert.That(html, Does.Contain("DDC-0042").And.Contain("noise-median").And.Contain("PASS"));
    }

    [Test]
    public void StateMachineDoc_ShowsTheCurrentGraph()
    {
        var path = Repository.Path("docs", "state-machines", "production-script.md");
        var expected = StateMachineDoc.Page();
        if (Environment.GetEnvironmentVariable("DETDAQ_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.That(File.Exists(path) ? File.ReadAllText(path) : "", Is.EqualTo(expected), "docs/state-machines/production-script.md is stale; regenerate with: DETDAQ_UPDATE_DOCS=1 dotnet test tests/DetectorDaq.Production.Tests");
    }
}

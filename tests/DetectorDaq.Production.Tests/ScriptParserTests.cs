using DetectorDaq.Production.Scripts;

namespace DetectorDaq.Production.Tests;

public sealed class ScriptParserTests
{
    private const string Valid = """
        name: t
        description: d
        dut: { kind: ddc264, chips: 2 }
        phases:
          - { name: ask, kind: prompt, parameters: { key: k, question: q } }
          - name: flats
            kind: acquire-flats
            parameters: { frames: 5, levels: [100 nA, 200 nA] }
            retries: 2
            timeout: 1.5s
          - { name: c, kind: compute-constants }
        limits:
          - { name: noise, measurement: noise-median, high: 0.1, unit: pC }
        """;

    [Test]
    public void ValidScript_IsReadWithPhasesLimitsAndDut()
    {
        var script = ScriptParser.Parse(Valid, "t.yaml");

        Assert.That(script.Name, Is.EqualTo("t"));
        Assert.That(script.Dut, Is.EqualTo(DutKind.Ddc264));
        Assert.That(script.DutParameters["chips"], Is.EqualTo("2"));
        Assert.That(script.Phases.Select(phase => phase.Kind), Is.EqualTo(new[] { PhaseKind.Prompt, PhaseKind.AcquireFlats, PhaseKind.ComputeConstants }));
        Assert.That(script.Phases[1].Retries, Is.EqualTo(2));
        Assert.That(script.Phases[1].Timeout, Is.EqualTo(TimeSpan.FromSeconds(1.5)));
        Assert.That(script.Phases[1].ParameterLists["levels"], Is.EqualTo(new[] { "100 nA", "200 nA" }));
        Assert.That(script.Phases[1].Line, Is.EqualTo(6));
        Assert.That(script.Limits.Single().High, Is.EqualTo(0.1));
    }

    [TestCase("a: b\nc: d: e", 2, "not valid YAML")]
    [TestCase("- a", 1, "one YAML mapping")]
    [TestCase("name: t\ndut: { kind: ddc264 }\nphases: []", 3, "at least one phase")]
    [TestCase("name: t\ndut: { kind: ddc264 }\nphases:\n  - { name: a, kind: store }\ncolour: red", 5, "unknown key 'colour'")]
    [TestCase("name: t\nphases:\n  - { name: a, kind: store }", 1, "'dut' is missing")]
    [TestCase("name: t\ndut: { kind: adc }\nphases:\n  - { name: a, kind: store }", 2, "dut kind 'adc'")]
    [TestCase("name: t\ndut: { kind: ads131m08, chips: 2 }\nphases:\n  - { name: a, kind: store }", 2, "unknown parameter 'chips'")]
    [TestCase("name: t\ndut: { kind: ddc264 }\nphases:\n  - { name: a, kind: dance }", 4, "kind 'dance'")]
    [TestCase("name: t\ndut: { kind: ddc264 }\nphases:\n  - { name: a, kind: store }\n  - { name: a, kind: store }", 5, "'a' is used twice")]
    [TestCase("name: t\ndut: { kind: ddc264 }\nphases:\n  - { name: a, kind: acquire-darks }", 4, "parameter 'frames' is missing")]
    [TestCase("name: t\ndut: { kind: ddc264 }\nphases:\n  - { name: a, kind: acquire-darks, parameters: { frames: x } }", 4, "frames 'x'")]
    [TestCase("name: t\ndut: { kind: ddc264 }\nphases:\n  - { name: a, kind: acquire-darks, parameters: { frames: 2, speed: 3 } }", 4, "unknown parameter 'speed'")]
    [TestCase("name: t\ndut: { kind: ddc264 }\nphases:\n  - { name: a, kind: acquire-flats, parameters: { frames: 2, levels: [3 kg] } }", 4, "level '3 kg'")]
    [TestCase("name: t\ndut: { kind: ddc264 }\nphases:\n  - { name: a, kind: store, retries: -1 }", 4, "retries -1")]
    [TestCase("name: t\ndut: { kind: ddc264 }\nphases:\n  - name: a\n    kind: store\n    timeout: soon", 6, "duration 'soon'")]
    [TestCase("name: t\ndut: { kind: ddc264 }\nphases:\n  - { name: a, kind: compute-constants }\nlimits:\n  - { name: l, measurement: noise-median, high: 1, unit: furlong }", 6, "unit 'furlong'")]
    [TestCase("name: t\ndut: { kind: ddc264 }\nphases:\n  - { name: a, kind: compute-constants }\nlimits:\n  - { name: l, measurement: noise-median, unit: pC }", 6, "needs low, high or both")]
    [TestCase("name: t\ndut: { kind: ddc264 }\nphases:\n  - { name: a, kind: compute-constants }\nlimits:\n  - { name: l, measurement: noise-median, low: 2, high: 1, unit: pC }", 6, "low 2 is above high 1")]
    [TestCase("name: t\ndut: { kind: ddc264 }\nphases:\n  - { name: a, kind: store }\nlimits:\n  - { name: l, measurement: temperature, high: 1, unit: K }", 6, "no phase measures 'temperature'")]
    public void InvalidScript_NamesFileLineAndProblem(string yaml, int line, string problem)
    {
        var exception = Assert.Throws<ScriptException>(() => ScriptParser.Parse(yaml, "bad.yaml"));

        Assert.That(exception!.Line, Is.EqualTo(line));
        Assert.That(exception.Message, Does.StartWith($"bad.yaml:{line}: "));
        Assert.That(exception.Message, Does.Contain(problem));
    }

    [Test]
    public void MissingFile_IsAScriptException()
    {
        var exception = Assert.Throws<ScriptException>(() => ScriptParser.ParseFile("no-such-script.yaml"));

        Assert.That(exception!.Message, Is.EqualTo("no-such-script.yaml:0: file not found"));
    }

    [TestCase("ddc264-module.yaml")]
    [TestCase("ads131m08-module.yaml")]
    public void ExampleScripts_AreValid(string name)
    {
        var script = ScriptParser.ParseFile(Repository.Path("calibration", "scripts", name));

        Assert.That(script.Phases.Last().Kind, Is.EqualTo(PhaseKind.Store));
    }
}

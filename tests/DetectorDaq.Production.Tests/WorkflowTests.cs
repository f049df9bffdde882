using DetectorDaq.Production.Actions;
using DetectorDaq.Production.Scripts;
using DetectorDaq.Production.Workflow;
using UnitsNet;

namespace DetectorDaq.Production.Tests;

public sealed class WorkflowTests
{
    private const string Yaml = """
        name: workflow
        dut: { kind: ddc264 }
        phases:
          - { name: ask, kind: prompt, parameters: { key: beam-off, question: "Beam off?", expect: "yes" } }
          - { name: darks, kind: acquire-darks, parameters: { frames: 10 }, retries: 1 }
          - { name: flats, kind: acquire-flats, parameters: { frames: 10, levels: [100 nA, 200 nA, 400 nA] } }
          - { name: constants, kind: compute-constants }
          - { name: limits, kind: check-limits }
          - { name: store, kind: store }
        limits:
          - { name: offset, measurement: offset-median, low: 0, high: 1, unit: pC }
          - { name: bad, measurement: bad-channel-fraction, high: 10, unit: "%" }
        """;

    private string _output = "";

    [SetUp]
    public void CreateOutput() => _output = Directory.CreateTempSubdirectory("production-workflow-").FullName;

    [TearDown]
    public void DeleteOutput() => Directory.Delete(_output, recursive: true);

    [Test]
    public void WhenEveryPhasePasses_RunPassesAndConstantsAreStored()
    {
        var result = Run(Yaml);

        Assert.That(result.Record.Outcome, Is.EqualTo(RunOutcome.Pass), result.Record.Message);
        Assert.That(result.Record.Phases.Select(phase => phase.Outcome), Is.All.EqualTo(PhaseOutcome.Pass));
        Assert.That(result.Record.ConstantsStoredAt, Does.Contain("calibration.db version 1"));
        Assert.That(result.Record.Answers["beam-off"], Is.EqualTo("yes"));
        var offset = result.Record.Phases.Single(phase => phase.Name == "constants").Measurements.Single(measurement => measurement.Name == "offset-median");
        Assert.That(offset.Unit, Is.EqualTo("pC"));
        Assert.That(offset.Limits.Single().Value, Is.EqualTo(1000 * 150.0 / (1 << 20)).Within(0.01));
    }

    [Test]
    public void WhenALimitFails_RunFailsAndStoreIsSkipped()
    {
        var result = Run(Yaml.Replace("low: 0, high: 1, unit: pC", "low: 0, high: 0.01, unit: pC", StringComparison.Ordinal));

        Assert.That(result.Record.Outcome, Is.EqualTo(RunOutcome.Fail));
        Assert.That(Outcome(result, "constants"), Is.EqualTo(PhaseOutcome.Fail));
        Assert.That(Outcome(result, "limits"), Is.EqualTo(PhaseOutcome.Fail));
        Assert.That(Outcome(result, "store"), Is.EqualTo(PhaseOutcome.Skipped));
        Assert.That(result.Record.ConstantsStoredAt, Is.Null);
        Assert.That(File.Exists(Path.Combine(_output, "calibration.db")), Is.False);
    }

    [Test]
    public void WhenAPhaseThrows_RunEndsInErrorAndLaterPhasesDoNotRun()
    {
        var actions = PhaseActions.Standard();
        actions[PhaseKind.AcquireDarks] = new ScriptedAction(_ => throw new IOException("controller unreachable"));

        var result = Run(Yaml, actions);

        Assert.That(result.Record.Outcome, Is.EqualTo(RunOutcome.Error));
        Assert.That(Outcome(result, "darks"), Is.EqualTo(PhaseOutcome.Error));
        Assert.That(result.Record.Phases.Single(phase => phase.Name == "darks").Attempts, Is.EqualTo(2));
        Assert.That(result.Record.Phases.Select(phase => phase.Name), Is.EqualTo(new[] { "ask", "darks" }));
        Assert.That(result.Record.Message, Does.Contain("controller unreachable"));
    }

    [Test]
    public void WhenAnAnswerIsMissing_RunIsAbortedWithAClearMessage()
    {
        var result = Run(Yaml, @operator: new AnswersOperator(new Dictionary<string, string>()));

        Assert.That(result.Record.Outcome, Is.EqualTo(RunOutcome.Aborted));
        Assert.That(Outcome(result, "ask"), Is.EqualTo(PhaseOutcome.Aborted));
        Assert.That(result.Record.Message, Does.Contain("no answer for 'beam-off'").And.Contain("--answer beam-off=VALUE"));
    }

    [Test]
    public void WhenTheOperatorAnswersOtherwise_PromptFails()
    {
        var result = Run(Yaml, @operator: AnswersOperator.FromPairs(["beam-off=no"]));

        Assert.That(Outcome(result, "ask"), Is.EqualTo(PhaseOutcome.Fail));
        Assert.That(result.Record.Outcome, Is.EqualTo(RunOutcome.Fail));
    }

    [Test]
    public void WhenTheSecondAttemptSucceeds_PhasePassesAfterTwoAttempts()
    {
        var actions = PhaseActions.Standard();
        var standard = actions[PhaseKind.AcquireDarks];
        actions[PhaseKind.AcquireDarks] = new ScriptedAction(_ => throw new TimeoutException("no frames"), context => standard.Run(context.Script.Phases[1], context));

        var result = Run(Yaml, actions);

        Assert.That(result.Record.Outcome, Is.EqualTo(RunOutcome.Pass), result.Record.Message);
        Assert.That(result.Record.Phases.Single(phase => phase.Name == "darks").Attempts, Is.EqualTo(2));
    }

    [Test]
    public void WhenAnAttemptOutlastsItsTimeout_PhaseErrors()
    {
        var actions = PhaseActions.Standard();
        actions[PhaseKind.AcquireDarks] = new ScriptedAction(context =>
        {
            context.Cancellation.WaitHandle.WaitOne(TimeSpan.FromSeconds(5));
            return PhaseResult.Pass();
        });

        var result = Run(Yaml.Replace("retries: 1 }", "timeout: 100ms }", StringComparison.Ordinal), actions);

        Assert.That(Outcome(result, "darks"), Is.EqualTo(PhaseOutcome.Error));
        Assert.That(result.Record.Message, Does.Contain("took longer than 0.1 s"));
    }

    [Test]
    public void WhenAnAttemptTimesOut_TheRetryStartsOnlyAfterItEnded()
    {
        var running = 0;
        var overlapped = false;
        var actions = PhaseActions.Standard();
        actions[PhaseKind.AcquireDarks] = new ScriptedAction(context =>
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            // Like an operator prompt: deaf to the cancellation, done only after the timeout.
            Thread.Sleep(300);
            Interlocked.Decrement(ref running);
            return PhaseResult.Pass();
        });

        var result = Run(Yaml.Replace("retries: 1 }", "retries: 1, timeout: 100ms }", StringComparison.Ordinal), actions);

        Assert.That(result.Record.Phases.Single(phase => phase.Name == "darks").Attempts, Is.EqualTo(2));
        Assert.That(overlapped, Is.False);
    }

    [Test]
    public void MeasurementInAnotherUnitOfTheSameQuantity_IsConvertedToTheLimitUnit()
    {
        var script = ScriptParser.Parse(Yaml.Replace("unit: pC", "unit: nC", StringComparison.Ordinal).Replace("high: 1,", "high: 0.001,", StringComparison.Ordinal), "t.yaml");
        var context = new PhaseContext(script, new RunIdentity("S", "ST"), new FakeDevice(), new AnswersOperator(new Dictionary<string, string>()), new ProductionWorkflow(["a"]), _output);

        var measurement = context.Measure("offset-median", ElectricCharge.FromPicocoulombs(0.5));

        Assert.That(measurement.Limits.Single().Value, Is.EqualTo(0.0005).Within(1e-12));
        Assert.That(measurement.Passed, Is.True);
    }

    [Test]
    public void MeasurementOfAnotherQuantity_FailsItsLimitWithANote()
    {
        var script = ScriptParser.Parse(Yaml, "t.yaml");
        var context = new PhaseContext(script, new RunIdentity("S", "ST"), new FakeDevice(), new AnswersOperator(new Dictionary<string, string>()), new ProductionWorkflow(["a"]), _output);

        var measurement = context.Measure("offset-median", Temperature.FromDegreesCelsius(20));

        Assert.That(measurement.Passed, Is.False);
        Assert.That(measurement.Limits.Single().Note, Does.Contain("no unit 'pC'"));
    }

    private static PhaseOutcome Outcome(RunResult result, string phase) => result.Record.Phases.Single(record => record.Name == phase).Outcome;

    private RunResult Run(string yaml, Dictionary<PhaseKind, IPhaseAction>? actions = null, IOperator? @operator = null)
    {
        var script = ScriptParser.Parse(yaml, "workflow.yaml");
        using var device = new FakeDevice();
        return new ScriptRunner(actions ?? PhaseActions.Standard())
            .Run(script, new RunIdentity("DDC-0001", "ST-1"), device, @operator ?? AnswersOperator.FromPairs(["beam-off=yes"]), _output);
    }
}

using DetectorDaq.Hil.Runner;
using DetectorDaq.Hil.Scenarios;

namespace DetectorDaq.Scenarios.Tests;

/// <summary>The example scenarios of hil/scenarios, played through simulated controllers into the real host.</summary>
public class ScenarioRunnerTests
{
    private static IEnumerable<string> ExampleScenarios() =>
        Directory.GetFiles(RepositoryPaths.ScenarioDirectory, "*.yaml").Order(StringComparer.Ordinal).Select(Path.GetFileName)!;

    [TestCaseSource(nameof(ExampleScenarios))]
    public void ExampleScenario_MeetsItsExpectations(string file)
    {
        var scenario = Scenario.Load(Path.Combine(RepositoryPaths.ScenarioDirectory, file));
        var output = Path.Combine(Path.GetTempPath(), "detdaq-scenario-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(output);

        var result = ScenarioRunner.Run(scenario, output);

        TestContext.Out.WriteLine(ScenarioSummary.Render([result]));
        foreach (var (name, value) in result.Measurements)
        {
            TestContext.Out.WriteLine($"{name} = {value}");
        }

        Assert.That(result.Error, Is.Null);
        Assert.That(result.Expectations.Where(e => !e.Passed).Select(e => $"{e.Name}: {e.Message}"), Is.Empty);
        Assert.That(result.Expectations, Is.Not.Empty);
    }

    [Test]
    public void LossesInjected_AreReportedExactly()
    {
        var scenario = Scenario.Parse("""
            name: loss-check
            description: 5 % loss on both modules.
            recording: builtin:phantom
            topology: { modules: 2, chips_per_module: 1 }
            frames: 400
            integration_period_us: 1000
            seed: 11
            injections:
              - { kind: packet-loss, module: all, fraction: 0.05 }
            expectations:
              losses_reported_equal_injected: true
            """, "inline");

        var result = ScenarioRunner.Run(scenario, Path.GetTempPath());

        Assert.That(result.Measurements["packets_lost_injected"], Is.GreaterThan(10));
        Assert.That(result.Measurements["packets_lost_reported"], Is.EqualTo(result.Measurements["packets_lost_injected"]));
    }
}

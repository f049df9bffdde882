using System.Text.Json;
using DetectorDaq.CalibrationDb;
using DetectorDaq.Hil.Chips.Ddc264;
using DetectorDaq.Production.Actions;
using DetectorDaq.Production.Records;
using DetectorDaq.Production.Scripts;
using DetectorDaq.Production.Simulation;
using DetectorDaq.Production.Workflow;

namespace DetectorDaq.Production.Tests;

public sealed class EndToEndTests
{
    [Test]
    public void Ddc264ExampleScript_PassesOnTheSimulatedDetectorAndStoresConstants()
    {
        var output = Directory.CreateTempSubdirectory("production-e2e-").FullName;
        try
        {
            var script = ScriptParser.ParseFile(Repository.Path("calibration", "scripts", "ddc264-module.yaml"));

            var (result, outputs) = ProductionService.Run(script, new RunIdentity("DDC-0001", "ST-1"), AnswersOperator.FromPairs(["beam-off=yes"]), output);

            Assert.That(result.Record.Outcome, Is.EqualTo(RunOutcome.Pass), result.Record.Message);
            Assert.That(result.Data.Constants!.ChannelCount, Is.EqualTo(64));
            var temperature = result.Record.Phases.SelectMany(phase => phase.Measurements).Single(measurement => measurement.Name == "temperature");
            Assert.That(temperature.Value, Is.EqualTo(31.5).Within(0.5), "SimulatedTemperature reads 31.5 ± 0.5 °C");
            var offset = result.Record.Phases.SelectMany(phase => phase.Measurements).Single(measurement => measurement.Name == "offset-median");
            Assert.That(offset.Value, Is.EqualTo(0.5).Within(0.01), "5 nA of dark current over 100 µs is 0.5 pC");
            using var store = new SqliteCalibrationStore(Path.Combine(output, "calibration.db"));
            Assert.That(store.List("DDC-0001"), Has.Count.EqualTo(1));
            using var json = JsonDocument.Parse(File.ReadAllText(outputs.RecordPath));
            Assert.That(json.RootElement.GetProperty("outcome").GetString(), Is.EqualTo("PASS"));
            Assert.That(File.ReadAllText(outputs.ReportPath), Does.Contain("id=\"linearity-residuals\""));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Test]
    public void WhenTheSimulatedModuleHasDeadChannels_BadChannelLimitFailsAndNothingIsStored()
    {
        var output = Directory.CreateTempSubdirectory("production-e2e-").FullName;
        try
        {
            var script = ScriptParser.ParseFile(Repository.Path("calibration", "scripts", "ddc264-module.yaml"));
            var defects = new ChannelDefects(64);
            defects.SetDead(10);
            defects.SetDead(40);
            using var module = new SimulatedModule(true, 64, 100_000, "DDC-0002", Path.Combine(output, "frames")) { Defects = defects };

            var result = new ScriptRunner(PhaseActions.Standard()).Run(script, new RunIdentity("DDC-0002", "ST-1"), module, AnswersOperator.FromPairs(["beam-off=yes"]), output);

            Assert.That(result.Record.Outcome, Is.EqualTo(RunOutcome.Fail));
            Assert.That(result.Data.Constants!.BadChannels[10], Is.Not.Zero);
            Assert.That(result.Data.Constants.BadChannels[40], Is.Not.Zero);
            var bad = result.Record.Phases.SelectMany(phase => phase.Measurements).Single(measurement => measurement.Name == "bad-channel-fraction");
            Assert.That(bad.Value, Is.EqualTo(2 * 100.0 / 64).Within(1e-9));
            Assert.That(result.Record.Phases.Single(phase => phase.Name == "store").Outcome, Is.EqualTo(PhaseOutcome.Skipped));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}

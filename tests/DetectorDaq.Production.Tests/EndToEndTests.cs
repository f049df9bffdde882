using System.Text.Json;
using DetectorDaq.Calibration.Constants;
using DetectorDaq.CalibrationDb;
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
            Assert.That(offset.Value, Is.EqualTo(0.5 + (4096 * 150.0 / (1 << 20))).Within(0.03), "5 nA of dark current over 100 µs is 0.5 pC, on a pedestal of 4096 ± 250 codes");
            var noise = result.Record.Phases.SelectMany(phase => phase.Measurements).Single(measurement => measurement.Name == "noise-median");
            Assert.That(noise.Value, Is.EqualTo(6.3e-6 * 150).Within(1e-4), "SBAS368: 6.3 ppm of the 150 pC full scale, rms");
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
            using var module = new SimulatedModule(true, 64, 100_000, "DDC-0002", Path.Combine(output, "frames"));
            module.Defects!.SetDead(10);
            module.Defects.SetDead(40);

            var result = new ScriptRunner(PhaseActions.Standard()).Run(script, new RunIdentity("DDC-0002", "ST-1"), module, AnswersOperator.FromPairs(["beam-off=yes"]), output);

            Assert.That(result.Record.Outcome, Is.EqualTo(RunOutcome.Fail));
            Assert.That((BadChannelFlags)result.Data.Constants!.BadChannels[10] & ~BadChannelFlags.Interpolated, Is.EqualTo(BadChannelFlags.Dead));
            Assert.That((BadChannelFlags)result.Data.Constants.BadChannels[40] & ~BadChannelFlags.Interpolated, Is.EqualTo(BadChannelFlags.Dead));
            var bad = result.Record.Phases.SelectMany(phase => phase.Measurements).Single(measurement => measurement.Name == "bad-channel-fraction");
            Assert.That(bad.Value, Is.EqualTo(2 * 100.0 / 64).Within(1e-9));
            Assert.That(result.Record.Phases.Single(phase => phase.Name == "store").Outcome, Is.EqualTo(PhaseOutcome.Skipped));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Test]
    public void WhenEveryChannelIsNoisierThanTheLimit_DarkNoiseFailsAndIsNamed()
    {
        var output = Directory.CreateTempSubdirectory("production-e2e-").FullName;
        try
        {
            var script = ScriptParser.ParseFile(Repository.Path("calibration", "scripts", "ddc264-module.yaml"));
            using var module = new SimulatedModule(true, 64, 100_000, "DDC-0003", Path.Combine(output, "frames"));
            for (var channel = 0; channel < 64; channel++)
            {
                // 12 codes on top of 6.6: 13.7 codes rms, 0.0020 pC against the 0.0015 pC limit.
                module.Defects!.SetNoisy(channel, 12);
            }

            var result = new ScriptRunner(PhaseActions.Standard()).Run(script, new RunIdentity("DDC-0003", "ST-1"), module, AnswersOperator.FromPairs(["beam-off=yes"]), output);

            Assert.That(result.Record.Outcome, Is.EqualTo(RunOutcome.Fail));
            Assert.That(result.Record.Message, Does.Contain("dark-noise"));
            Assert.That(result.Data.Constants!.BadChannels, Is.All.Zero, "uniformly higher noise is a module limit, not bad channels");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Test]
    public void WhenManyChannelsAreNoisy_BadChannelsFailsAndIsNamed()
    {
        var output = Directory.CreateTempSubdirectory("production-e2e-").FullName;
        try
        {
            var script = ScriptParser.ParseFile(Repository.Path("calibration", "scripts", "ddc264-module.yaml"));
            using var module = new SimulatedModule(true, 64, 100_000, "DDC-0004", Path.Combine(output, "frames"));
            int[] noisy = [2, 9, 33, 50];
            foreach (var channel in noisy)
            {
                module.Defects!.SetNoisy(channel, 50);
            }

            var result = new ScriptRunner(PhaseActions.Standard()).Run(script, new RunIdentity("DDC-0004", "ST-1"), module, AnswersOperator.FromPairs(["beam-off=yes"]), output);

            Assert.That(result.Record.Outcome, Is.EqualTo(RunOutcome.Fail));
            Assert.That(result.Record.Message, Does.Contain("bad-channel"));
            var flagged = Enumerable.Range(0, 64).Where(channel => result.Data.Constants!.BadChannels[channel] != 0);
            Assert.That(flagged, Is.EqualTo(noisy));
            Assert.That(noisy.Select(channel => (BadChannelFlags)result.Data.Constants!.BadChannels[channel] & ~BadChannelFlags.Interpolated), Is.All.EqualTo(BadChannelFlags.NoiseOutOfRange));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}

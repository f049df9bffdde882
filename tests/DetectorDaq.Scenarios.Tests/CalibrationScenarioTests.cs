using DetectorDaq.Hil.Chips.Ddc264;
using DetectorDaq.Hil.Runner;
using DetectorDaq.Hil.Scenarios;

namespace DetectorDaq.Scenarios.Tests;

/// <summary>Channel-defect injections and calibration expectations: read, applied to the chips, checked on the output file.</summary>
public sealed class CalibrationScenarioTests
{
    private const string Origin = "/scenarios/calibration.yaml";

    private const string Scenario = """
        name: calibration
        description: Every channel-defect kind.
        recording: builtin:phantom
        topology: { modules: 2, chips_per_module: 1 }
        frames: 600
        integration_period_us: 150
        seed: 3
        flat_levels: [0.25, 0.5, 1]
        injections:
          - { kind: dead-channels, module: 0, channels: [5, 17] }
          - { kind: stuck-channels, module: 0, channels: [40], code: 1234 }
          - { kind: noisy-channels, module: 1, channels: [21], amount: 40 }
          - { kind: nonlinear-channels, module: 1, channels: [50] }
          - { kind: side-mismatch, module: 1, offset_codes: 120, relative_gain: 0.01 }
          - { kind: temperature-drift, codes_per_celsius: 2.5, temperature_c: 35 }
        expectations:
          bad_channels: { 0: [40, 5, 17], 1: [21, 50] }
          calibrated_max_relative_error: 0.001
        """;

    [Test]
    public void ChannelDefectScenario_IsReadCompletely()
    {
        var scenario = Hil.Scenarios.Scenario.Parse(Scenario, Origin);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(scenario.FlatLevels, Is.EqualTo(new[] { 0.25, 0.5, 1 }));
            Assert.That(scenario.UsesRealisticChips, Is.True);
            Assert.That(scenario.Injections.Select(i => (i.Kind, i.Module, i.Channels)), Is.EqualTo(new (InjectionKind, int?, IReadOnlyList<int>?)[]
            {
                (InjectionKind.DeadChannels, 0, [5, 17]),
                (InjectionKind.StuckChannels, 0, [40]),
                (InjectionKind.NoisyChannels, 1, [21]),
                (InjectionKind.NonlinearChannels, 1, [50]),
                (InjectionKind.SideMismatch, 1, null),
                (InjectionKind.TemperatureDrift, null, null),
            }));
            Assert.That(scenario.Injections.Select(i => i.Amount ?? i.Code), Is.EqualTo(new double?[] { null, 1234, 40, ChannelDefectInjections.DefaultBow, null, null }));
            Assert.That((scenario.Injections[4].OffsetCodes, scenario.Injections[4].RelativeGain), Is.EqualTo((120.0, 0.01)));
            Assert.That((scenario.Injections[5].CodesPerCelsius, scenario.Injections[5].TemperatureCelsius), Is.EqualTo((2.5, 35.0)));
            Assert.That(scenario.Expectations.BadChannels![0], Is.EqualTo(new[] { 5, 17, 40 }), "sorted");
            Assert.That(scenario.Expectations.BadChannels[1], Is.EqualTo(new[] { 21, 50 }));
            Assert.That(scenario.Expectations.CalibratedMaxRelativeError, Is.EqualTo(0.001));
        }
    }

    [Test]
    public void Injections_ChangeOnlyTheirModulesChannels()
    {
        var scenario = Hil.Scenarios.Scenario.Parse(Scenario, Origin);
        var module0 = new ChannelDefects(64);
        var module1 = new ChannelDefects(64) { SideBOffsetCodes = 3 };

        ChannelDefectInjections.ApplyTo(scenario.Injections, 0, module0);
        ChannelDefectInjections.ApplyTo(scenario.Injections, 1, module1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Enumerable.Range(0, 64).Where(module0.IsDead), Is.EqualTo(new[] { 5, 17 }));
            Assert.That(module0.TryGetStuckCode(40, out var code) ? code : -1, Is.EqualTo(1234));
            Assert.That(Enumerable.Range(0, 64).Where(module1.IsDead), Is.Empty);
            Assert.That(module1.SideBOffsetCodes, Is.EqualTo(123), "added to the module's own mismatch");
            Assert.That(module0.SideBOffsetCodes, Is.Zero);
            Assert.That((module0.OffsetDriftCodesPerCelsius, module1.TemperatureCelsius), Is.EqualTo((2.5, 35.0)), "module: all");
        }
    }

    [TestCase("{kind: dead-channels}", "a dead-channels injection needs 'channels'")]
    [TestCase("{kind: dead-channels, channels: [128]}", "channels is 128, out of range (must be 0 to 127; a module has 128 channels)")]
    [TestCase("{kind: noisy-channels, channels: [3, 3]}", "channels names channel 3 twice")]
    [TestCase("{kind: noisy-channels, channels: 3}", "channels must be a list of module channels")]
    [TestCase("{kind: dead-channels, channels: [1], amount: 2}", "unknown key 'amount' in a dead-channels injection")]
    [TestCase("{kind: stuck-channels, channels: [1], code: 2000000}", "code is 2000000, out of range (must be 0 to 1048575)")]
    [TestCase("{kind: side-mismatch}", "a side-mismatch injection needs 'offset_codes', 'relative_gain' or both")]
    [TestCase("{kind: temperature-drift, codes_per_celsius: 2}", "a temperature-drift injection needs 'temperature_c'")]
    public void InvalidChannelDefect_IsRejectedWithItsLine(string injection, string problem)
    {
        var text = "name: bad\nrecording: builtin:phantom\ntopology: { modules: 2, chips_per_module: 2 }\nexpectations: { no_crash: true }\ninjections:\n  - " + injection + "\n";

        var exception = Assert.Throws<ScenarioException>(() => Hil.Scenarios.Scenario.Parse(text, Origin))!;

        Assert.That(exception.Message, Does.StartWith(Origin + ":6:"));
        Assert.That(exception.Message, Does.Contain(problem));
    }

    [TestCase("bad_channels: { 2: [1] }", "bad_channels module is 2, out of range (must be 0 to 1)")]
    [TestCase("bad_channels: [1, 2]", "bad_channels must map module indices to lists of channels")]
    [TestCase("calibrated_max_relative_error: 2", "calibrated_max_relative_error is 2, out of range (must be 0 to 1)")]
    public void InvalidCalibrationExpectation_IsRejected(string expectation, string problem)
    {
        var text = "name: bad\nrecording: builtin:phantom\ntopology: { modules: 2, chips_per_module: 1 }\nexpectations:\n  " + expectation + "\n";

        var exception = Assert.Throws<ScenarioException>(() => Hil.Scenarios.Scenario.Parse(text, Origin))!;

        Assert.That(exception.Message, Does.Contain(problem));
    }

    [Test]
    public void FlatLevels_OfARecordingFile_AreRejected()
    {
        var text = "name: bad\nrecording: tooth.h5\ntopology: { modules: 1, chips_per_module: 1 }\nflat_levels: [0.5, 1]\nexpectations: { no_crash: true }\n";

        var exception = Assert.Throws<ScenarioException>(() => Hil.Scenarios.Scenario.Parse(text, Origin))!;

        Assert.That(exception.Message, Does.Contain("flat_levels applies to builtin:phantom only"));
    }

    [Test]
    public void PhantomFlatLevels_SplitTheFlatBlockInOrder()
    {
        // 200 frames: darks 0–9, flats 10–19, projections from 20.
        var recording = Hil.Recordings.PhantomRecording.Create(1, 64, 200, 1_000_000, [0.25, 1]);

        var dark = Hil.Recordings.PhantomRecording.DarkCurrent.Amperes;
        var air = Hil.Controller.SimulatedSignals.AirCurrent.Amperes;
        var flats = Enumerable.Range(10, 10).Select(frame => recording.Value(frame, 0, 7)).ToArray();
        Assert.That(flats, Is.EqualTo(Enumerable.Repeat((0.25 * air) + dark, 5).Concat(Enumerable.Repeat(air + dark, 5))).Within(1e-15));
        Assert.That(() => Hil.Recordings.PhantomRecording.Create(1, 64, 200, 1_000_000, [0]), Throws.ArgumentException.With.Message.Contains("fractions in (0, 1]"));
    }

    [Test]
    public void WrongBadChannelExpectation_FailsNamingWhatWasFoundWithItsFlags()
    {
        var scenario = Hil.Scenarios.Scenario.Parse("""
            name: wrong-expectation
            description: Dead channel 3 of module 0, but channel 4 expected.
            recording: builtin:phantom
            topology: { modules: 1, chips_per_module: 1 }
            frames: 400
            integration_period_us: 150
            seed: 2
            injections:
              - { kind: dead-channels, module: 0, channels: [3] }
            expectations:
              bad_channels: { 0: [4] }
              calibrated_max_relative_error: 0.001
            """, Origin);
        var output = Directory.CreateTempSubdirectory("detdaq-calibration-scenario-").FullName;

        var result = ScenarioRunner.Run(scenario, output);
        var junit = new StringWriter();
        JUnitReport.Write(junit, [result]);

        var failed = result.Expectations.Where(e => !e.Passed).ToArray();
        Assert.That(failed.Select(e => e.Name), Is.EqualTo(new[] { "bad_channels" }), string.Join("; ", result.Expectations.Select(e => e.Message)));
        Assert.That(failed[0].Message, Is.EqualTo("module 0: found [3 Dead], expected [4]"));
        Assert.That(junit.ToString(), Does.Contain("module 0: found [3 Dead], expected [4]"));
        Assert.That(result.Measurements["calibrated_max_relative_error"], Is.LessThan(1e-3));
    }
}

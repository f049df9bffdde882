using DetectorDaq.Hil.Scenarios;

namespace DetectorDaq.Scenarios.Tests;

public sealed class ScenarioParsingTests
{
    private const string Origin = "/scenarios/test.yaml";

    private const string Valid = """
        name: sample
        description: All kinds at once.
        recording: ../data/tooth.h5
        topology:
          modules: 4
          chips_per_module: 5
          rows: 2
          columns: 640
        frames: 100
        integration_period_us: 500
        seed: 9
        injections:
          - kind: packet-loss
            module: 1
            fraction: 0.02
          - kind: reorder
            fraction: 0.1
          - kind: duplicate
            module: all
            fraction: 0.5
          - kind: corrupt
            fraction: 0
          - kind: controller-stall
            module: 0
            at_frame: 10
            duration_ms: 250
            release: drop
          - kind: controller-restart
            at_frame: 20
          - kind: chip-not-answering
            module: 3
            chip: 4
          - kind: crc-errors
            fraction: 1
          - kind: clock-drift
            ppm: -50.5
          - kind: dead-channels
            channels: [1, 2]
          - kind: stuck-channels
            module: 2
            channels: [3]
          - kind: noisy-channels
            channels: [4]
            amount: 20
          - kind: nonlinear-channels
            channels: [319]
          - kind: side-mismatch
            offset_codes: -10
          - kind: temperature-drift
            codes_per_celsius: 1
            temperature_c: 30
        expectations:
          min_complete_fraction: 0.95
          losses_reported_equal_injected: true
          duplicates_reported_equal_injected: false
          crc_failures_equal_injected: true
          no_crash: false
          valid_file: true
          max_frames_dropped: 3
          expect_fault: true
        """;

    private const string Minimal = """
        name: minimal
        recording: builtin:phantom
        topology:
          modules: 2
          chips_per_module: 2
        expectations:
          min_complete_fraction: 0.9
        """;

    [Test]
    public void ValidScenario_IsReadCompletely()
    {
        var scenario = Scenario.Parse(Valid, Origin);

        Assert.That(scenario.Name, Is.EqualTo("sample"));
        Assert.That(scenario.Description, Is.EqualTo("All kinds at once."));
        Assert.That(scenario.RecordingPath, Is.EqualTo(Path.GetFullPath("/data/tooth.h5")));
        Assert.That(scenario.UsesBuiltinRecording, Is.False);
        Assert.That(scenario.Topology, Is.EqualTo(new ScenarioTopology(4, 5, 2, 640)));
        Assert.That(scenario.Frames, Is.EqualTo(100));
        Assert.That(scenario.IntegrationPeriod, Is.EqualTo(TimeSpan.FromMicroseconds(500)));
        Assert.That(scenario.Seed, Is.EqualTo(9));
        Assert.That(scenario.Injections.Select(injection => injection.Kind), Is.EqualTo(Enum.GetValues<InjectionKind>()));
        Assert.That(scenario.Injections[0], Is.EqualTo(new Injection(InjectionKind.PacketLoss, 1, 13) { Fraction = 0.02 }));
        Assert.That(scenario.Injections[1], Is.EqualTo(new Injection(InjectionKind.Reorder, null, 16) { Fraction = 0.1, Distance = 3 }));
        Assert.That(scenario.Injections[2].AllModules, Is.True);
        Assert.That(scenario.Injections[4], Is.EqualTo(new Injection(InjectionKind.ControllerStall, 0, 23)
        {
            AtFrame = 10,
            Duration = TimeSpan.FromMilliseconds(250),
            Release = StallRelease.Drop,
        }));
        Assert.That(scenario.Injections[6], Is.EqualTo(new Injection(InjectionKind.ChipNotAnswering, 3, 30) { AtFrame = 0, Chip = 4 }));
        Assert.That(scenario.Injections[8].Ppm, Is.EqualTo(-50.5));
        Assert.That(scenario.Expectations, Is.EqualTo(new ScenarioExpectations
        {
            MinCompleteFraction = 0.95,
            LossesReportedEqualInjected = true,
            DuplicatesReportedEqualInjected = false,
            CrcFailuresEqualInjected = true,
            NoCrash = false,
            ValidFile = true,
            MaxFramesDropped = 3,
            ExpectFault = true,
        }));
    }

    [Test]
    public void MinimalScenario_TakesDefaults()
    {
        var scenario = Scenario.Parse(Minimal, Origin);

        Assert.That(scenario.UsesBuiltinRecording, Is.True);
        Assert.That(scenario.Recording, Is.EqualTo(Scenario.BuiltinPhantom));
        Assert.That(scenario.Frames, Is.Null);
        Assert.That(scenario.IntegrationPeriod, Is.EqualTo(TimeSpan.FromMilliseconds(1)));
        Assert.That(scenario.Seed, Is.Zero);
        Assert.That(scenario.Injections, Is.Empty);
        Assert.That(scenario.Topology.Rows, Is.Null);
        Assert.That(scenario.Expectations.NoCrash, Is.True);
        Assert.That(scenario.Expectations.ValidFile, Is.Null);
    }

    // Each case replaces one line of the minimal scenario (or appends to it) and names what the message must say.
    [TestCase("name: minimal", "name: ''", "test.yaml:1:7: name must not be empty")]
    [TestCase("name: minimal", "title: minimal", "test.yaml:1:1: unknown key 'title' in the scenario")]
    [TestCase("recording: builtin:phantom", "recording: builtin:noise", "test.yaml:2:12: unknown built-in recording 'builtin:noise'")]
    [TestCase("  modules: 2", "  modules: 0", "test.yaml:4:12: modules is 0, out of range (must be 1 to 64)")]
    [TestCase("  modules: 2", "  modules: two", "test.yaml:4:12: modules must be a whole number, not 'two'")]
    [TestCase("  modules: 2", "  modules: 2\n  rows: 4", "test.yaml:4:3: topology needs both rows and columns")]
    [TestCase("  modules: 2", "  modules: 2\n  rows: 4\n  columns: 4", "rows × columns = 16 but modules × chips_per_module × 64 = 256 channels")]
    [TestCase("  modules: 2", "  modules: 2\n  colour: red", "test.yaml:5:3: unknown key 'colour' in topology")]
    [TestCase("  chips_per_module: 2", "", "test.yaml:4:3: topology needs 'chips_per_module'")]
    [TestCase("  min_complete_fraction: 0.9", "  min_complete_fraction: 1.5", "test.yaml:7:26: min_complete_fraction is 1.5, out of range (must be 0 to 1)")]
    [TestCase("  min_complete_fraction: 0.9", "  valid_file: yes", "test.yaml:7:15: valid_file must be true or false, not 'yes'")]
    [TestCase("  min_complete_fraction: 0.9", "  max_frames_dropped: -1", "max_frames_dropped is -1, out of range (must be at least 0)")]
    [TestCase("  min_complete_fraction: 0.9", "  expect_crash: true", "unknown key 'expect_crash' in expectations")]
    [TestCase("expectations:\n  min_complete_fraction: 0.9", "expectations: []", "test.yaml:6:15: expectations must be a mapping of keys")]
    [TestCase("name: minimal", "name: [a, b]", "test.yaml:1:7: name must be a single value")]
    [TestCase("name: minimal", "name: minimal\nname: again", "test.yaml:2:1: not valid YAML: Duplicate key name")]
    [TestCase("name: minimal", "name: 'unterminated", "test.yaml:1:7: not valid YAML")]
    [TestCase("name: minimal", "name: minimal\n---\nname: second", "more than one YAML document")]
    public void InvalidScenario_IsRejectedWithOneLineNamingFileLineAndProblem(string line, string replacement, string fragment)
    {
        var text = Minimal.Replace(line, replacement, StringComparison.Ordinal);
        Assert.That(text, Is.Not.EqualTo(Minimal), "the test case must change the scenario");

        var exception = Assert.Throws<ScenarioException>(() => Scenario.Parse(text, Origin))!;

        Assert.That(exception.Message, Does.StartWith(Origin + ":"));
        Assert.That(exception.Message, Does.Contain(fragment));
        Assert.That(exception.Message, Does.Not.Contain('\n'));
    }

    // Each case is one injection appended to the minimal scenario (frames: 50, 2 modules of 2 chips).
    [TestCase("{kind: packet-loss, fraction: 1.2}", "10:", "fraction is 1.2, out of range (must be 0 to 1)")]
    [TestCase("{kind: packet-loss, fraction: -0.1}", "10:", "fraction is -0.1, out of range")]
    [TestCase("{kind: packet-loss}", "10:", "a packet-loss injection needs 'fraction'")]
    [TestCase("{kind: packet-lost, fraction: 0.1}", "10:", "unknown injection kind 'packet-lost' (expected one of: packet-loss, reorder")]
    [TestCase("{fraction: 0.1}", "10:", "injection needs a kind")]
    [TestCase("{kind: packet-loss, fraction: 0.1, ppm: 3}", "10:", "unknown key 'ppm' in a packet-loss injection")]
    [TestCase("{kind: packet-loss, module: 2, fraction: 0.1}", "10:", "module is 2, out of range (must be 0 to 1 or 'all')")]
    [TestCase("{kind: packet-loss, module: first, fraction: 0.1}", "10:", "module must be a whole number or 'all'")]
    [TestCase("{kind: reorder, fraction: 0.1, distance: 0}", "10:", "distance is 0, out of range (must be 1 to 64)")]
    [TestCase("{kind: controller-stall, at_frame: 5}", "10:", "a controller-stall injection needs 'duration_ms'")]
    [TestCase("{kind: controller-stall, at_frame: 50, duration_ms: 10}", "10:", "at_frame is 50, out of range (must be 0 to 49; frames is 50)")]
    [TestCase("{kind: controller-stall, at_frame: 5, duration_ms: 10, release: later}", "10:", "release must be deliver or drop, not 'later'")]
    [TestCase("{kind: chip-not-answering, chip: 2}", "10:", "chip is 2, out of range (must be 0 to 1)")]
    [TestCase("{kind: clock-drift, ppm: 5000}", "10:", "ppm is 5000, out of range (must be -1000 to 1000)")]
    [TestCase("{kind: clock-drift, ppm: fast}", "10:", "ppm must be a number, not 'fast'")]
    public void InvalidInjection_IsRejectedWithItsLine(string injection, string lineFragment, string problem)
    {
        var text = Minimal + "\nframes: 50\ninjections:\n  - " + injection + "\n";

        var exception = Assert.Throws<ScenarioException>(() => Scenario.Parse(text, Origin))!;

        Assert.That(exception.Message, Does.StartWith(Origin + ":" + lineFragment));
        Assert.That(exception.Message, Does.Contain(problem));
        Assert.That(exception.Line, Is.EqualTo(10));
    }

    [Test]
    public void EmptyFile_IsRejected()
    {
        var exception = Assert.Throws<ScenarioException>(() => Scenario.Parse("# nothing\n", Origin))!;

        Assert.That(exception.Message, Is.EqualTo(Origin + ":0:0: the file is empty"));
    }

    [Test]
    public void MissingFile_IsRejectedNamingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-scenario-" + Guid.NewGuid() + ".yaml");

        var exception = Assert.Throws<ScenarioException>(() => Scenario.Load(path))!;

        Assert.That(exception.Message, Does.StartWith(path + ":0:0: cannot read the file"));
    }

    private static IEnumerable<string> ExampleFiles() =>
        Directory.EnumerateFiles(RepositoryPaths.ScenarioDirectory, "*.yaml").Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(ExampleFiles))]
    public void ExampleScenario_Parses(string path)
    {
        var scenario = Scenario.Load(path);

        Assert.That(scenario.Name, Is.EqualTo(Path.GetFileNameWithoutExtension(path)));
        Assert.That(scenario.Description, Is.Not.Empty);
        Assert.That(scenario.Expectations.NoCrash, Is.True);
    }

    [Test]
    public void ExampleScenarios_CoverTheDocumentedCases()
    {
        var names = ExampleFiles().Select(Path.GetFileNameWithoutExtension);

        Assert.That(names, Is.SupersetOf(new[] { "healthy", "packet-loss", "reorder-duplicates", "corruption", "controller-stall", "chip-not-answering" }));
        Assert.That(Scenario.Load(Path.Combine(RepositoryPaths.ScenarioDirectory, "chip-not-answering.yaml")).Expectations.ExpectFault, Is.True);
        Assert.That(Scenario.Load(Path.Combine(RepositoryPaths.ScenarioDirectory, "healthy.yaml")).Expectations.MinCompleteFraction, Is.GreaterThanOrEqualTo(0.999));
    }
}

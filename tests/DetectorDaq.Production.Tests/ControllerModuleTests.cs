using System.Globalization;
using DetectorDaq.CalibrationDb;
using DetectorDaq.Hil.Controller;
using DetectorDaq.Hil.Recordings;
using DetectorDaq.Production.Devices;
using DetectorDaq.Production.Records;
using DetectorDaq.Production.Scripts;
using DetectorDaq.Production.Workflow;
using DetectorDaq.Receiver.Topology;
using UnitsNet;

namespace DetectorDaq.Production.Tests;

/// <summary>
/// A production run on a controller reached through its topology file, as on a real station: a
/// simulated controller behind the control protocol and UDP, and an operator who switches the beam
/// when asked. The run must come out as it does on the simulated detector.
/// </summary>
public sealed class ControllerModuleTests
{
    private string _output = null!;

    [SetUp]
    public void CreateDirectory() => _output = Directory.CreateTempSubdirectory("production-controller-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_output, recursive: true);

    [Test]
    public void Ddc264ExampleScript_OnAController_AsksForEachFlatLevel_PassesAndStores()
    {
        var beam = new BeamOperator();
        using var controller = new SimulatedController(new SimulatedControllerOptions(Ddc264Chips: 1, SerialNumber: "CTRL-7") { Ddc264Signal = (_, _) => beam.Current + PhantomRecording.DarkCurrent });
        var script = ScriptParser.ParseFile(Repository.Path("calibration", "scripts", "ddc264-module.yaml"));
        using var module = ControllerModule.Connect(Topology(controller, chips: 1), script, ProductionService.FramesDirectory(_output), TimeSpan.FromSeconds(5));

        var (result, _) = ProductionService.Run(script, new RunIdentity("DDC-0100", "ST-9"), module, beam, _output);

        Assert.That(result.Record.Outcome, Is.EqualTo(RunOutcome.Pass), result.Record.Message);
        Assert.That(beam.Asked, Is.EqualTo(new[] { "beam-off", "flat-200nA", "flat-400nA", "flat-800nA" }));
        Assert.That(module.Range, Is.EqualTo("150pC"));
        var offset = result.Record.Phases.SelectMany(phase => phase.Measurements).Single(measurement => measurement.Name == "offset-median");
        Assert.That(offset.Value, Is.EqualTo(0.5).Within(0.01), "5 nA of dark current over 100 µs is 0.5 pC");
        Assert.That(result.Data.Constants!.Gain, Is.All.EqualTo(1).Within(1e-3));
        using var store = new SqliteCalibrationStore(Path.Combine(_output, "calibration.db"));
        Assert.That(store.List("DDC-0100").Single().Conditions.Range, Is.EqualTo("150pC"));
    }

    [Test]
    public void OperatorWhoDoesNotConfirmAFlatLevel_FailsThePhaseNamingTheLevel()
    {
        var beam = new BeamOperator { Refuse = "flat-400nA" };
        using var controller = new SimulatedController(new SimulatedControllerOptions(Ddc264Chips: 1) { Ddc264Signal = (_, _) => beam.Current + PhantomRecording.DarkCurrent });
        var script = ScriptParser.ParseFile(Repository.Path("calibration", "scripts", "ddc264-module.yaml"));
        using var module = ControllerModule.Connect(Topology(controller, chips: 1), script, ProductionService.FramesDirectory(_output), TimeSpan.FromSeconds(5));

        var (result, _) = ProductionService.Run(script, new RunIdentity("DDC-0101", "ST-9"), module, beam, _output);

        Assert.That(result.Record.Outcome, Is.EqualTo(RunOutcome.Fail));
        Assert.That(result.Record.Phases.Single(phase => phase.Name == "flats").Message, Is.EqualTo("operator answered 'no' for flat level 400 nA, 'ready' was needed"));
    }

    [Test]
    public void TopologyWhoseChipsAreNotTheScriptsDut_IsRejected()
    {
        using var controller = new SimulatedController(new SimulatedControllerOptions(Ddc264Chips: 2));
        var script = ScriptParser.ParseFile(Repository.Path("calibration", "scripts", "ddc264-module.yaml"));

        var exception = Assert.Throws<ArgumentException>(() => ControllerModule.Connect(Topology(controller, chips: 2), script, _output, TimeSpan.FromSeconds(5)));

        Assert.That(exception!.Message, Is.EqualTo("module 0 has 2 DDC264 chips, the script's ddc264 DUT needs 1"));
    }

    private DetectorTopology Topology(SimulatedController controller, int chips)
    {
        var path = Path.Combine(_output, "detector.yaml");
        var module = $"{{ id: 0, controller: \"127.0.0.1:{controller.ControlEndpoint.Port}\", data_port: 0, chips: [{{ kind: ddc264, count: {chips} }}], rows: 1, columns: {64 * chips}, first_row: 0, first_column: 0 }}";
        File.WriteAllText(path, $"""
            detector_id: 1
            rows: 1
            columns: {64 * chips}
            modules:
              - {module}
            """);
        return DetectorTopology.Load(path);
    }

    /// <summary>The operator at the X-ray source: beam off when asked to confirm it, the asked level for each flat.</summary>
    private sealed class BeamOperator : IOperator
    {
        private double _nanoamperes;

        public List<string> Asked { get; } = [];

        public string? Refuse { get; init; }

        public ElectricCurrent Current => ElectricCurrent.FromNanoamperes(Volatile.Read(ref _nanoamperes));

        public string? Ask(string key, string question)
        {
            Asked.Add(key);
            if (key == Refuse)
            {
                return "no";
            }

            if (key == "beam-off")
            {
                Volatile.Write(ref _nanoamperes, 0);
                return "yes";
            }

            Volatile.Write(ref _nanoamperes, double.Parse(key["flat-".Length..^"nA".Length], CultureInfo.InvariantCulture));
            return "ready";
        }
    }
}

using DetectorDaq.Production.Scripts;
using UnitsNet;

namespace DetectorDaq.Production.Workflow;

/// <summary>What a phase action works with: the run's identity, the detector, the operator, and where measurements go.</summary>
public sealed class PhaseContext
{
    private readonly ProductionWorkflow _workflow;
    private readonly IOperator _operator;
    private readonly List<Measurement> _measurements = [];

    internal PhaseContext(ProductionScript script, RunIdentity identity, IDeviceUnderTest device, IOperator @operator, ProductionWorkflow workflow, string outputDirectory)
    {
        Script = script;
        Identity = identity;
        Device = device;
        _operator = @operator;
        _workflow = workflow;
        OutputDirectory = outputDirectory;
    }

    /// <summary>The script being run.</summary>
    public ProductionScript Script { get; }

    /// <summary>DUT serial and station.</summary>
    public RunIdentity Identity { get; }

    /// <summary>The device under test.</summary>
    public IDeviceUnderTest Device { get; }

    /// <summary>Folder the run's outputs go to.</summary>
    public string OutputDirectory { get; }

    /// <summary>Frames and constants handed between phases.</summary>
    public CalibrationData Data { get; } = new();

    /// <summary>Operator answers by key.</summary>
    public Dictionary<string, string> Answers { get; } = new(StringComparer.Ordinal);

    /// <summary>Cancelled when the current attempt times out or the run is stopped.</summary>
    public CancellationToken Cancellation { get; internal set; }

    internal string Phase { get; set; } = "";

    /// <summary>Every measurement so far, the latest attempt's of each phase.</summary>
    public IReadOnlyList<Measurement> Measurements => _measurements;

    internal IReadOnlyList<Measurement> MeasurementsOf(string phase) => _measurements.Where(measurement => measurement.Phase == phase).ToArray();

    internal void ClearMeasurements(string phase) => _measurements.RemoveAll(measurement => measurement.Phase == phase);

    /// <summary>Asks the operator; the workflow waits for the operator meanwhile.</summary>
    /// <exception cref="OperatorAnswerMissingException">No answer could be had.</exception>
    public string Ask(string key, string question)
    {
        _workflow.Prompt();
        var answer = _operator.Ask(key, question);
        if (answer is null)
        {
            throw new OperatorAnswerMissingException(key, question);
        }

        _workflow.Answered();
        Answers[key] = answer;
        return answer;
    }

    /// <summary>Records <paramref name="quantity"/> as measurement <paramref name="name"/> and checks it against every limit on it.</summary>
    public Measurement Measure(string name, IQuantity quantity)
    {
        var limits = Script.Limits.Where(limit => limit.Measurement == name).Select(limit => Check(limit, quantity)).ToArray();
        var measurement = new Measurement(name, Phase, (double)quantity.Value, Units.Abbreviation(quantity), limits);
        _measurements.RemoveAll(existing => existing.Name == name);
        _measurements.Add(measurement);
        return measurement;
    }

    private static LimitResult Check(LimitDefinition limit, IQuantity quantity)
    {
        var converted = Units.TryConvert(quantity, limit.Unit);
        return converted is { } value
            ? new LimitResult(limit.Name, value, limit.Low, limit.High, limit.Unit, limit.Passes(value))
            : new LimitResult(limit.Name, double.NaN, limit.Low, limit.High, limit.Unit, false, $"a {quantity.QuantityInfo.Name} has no unit '{limit.Unit}'");
    }
}

using System.CommandLine;
using DetectorDaq.CalibrationDb;

namespace DetectorDaq.Cli.Commands.Cal;

/// <summary><c>--mode prior|closest</c> and <c>--temperature-tolerance K</c>: how a lookup picks a version, shared by <c>cal find</c> and <c>acquire --lookup</c>.</summary>
internal sealed class LookupOptions
{
    public LookupOptions() => Mode.AcceptOnlyFromAmong("prior", "closest");

    public Option<string> Mode { get; } = new("--mode")
    {
        Description = "prior: latest version valid at or before the time; closest: valid-from nearest the time.",
        DefaultValueFactory = _ => "prior",
    };

    public Option<double> TemperatureTolerance { get; } = new("--temperature-tolerance")
    {
        Description = "Largest accepted difference between the stored and the requested temperature, °C.",
        DefaultValueFactory = _ => 2.0,
    };

    public IEnumerable<Option> All => [Mode, TemperatureTolerance];

    public LookupMode ModeOf(ParseResult parseResult) => parseResult.GetValue(Mode) == "closest" ? LookupMode.Closest : LookupMode.Prior;

    /// <exception cref="CommandLineException">The tolerance is negative.</exception>
    public ConditionTolerance ToleranceOf(ParseResult parseResult)
    {
        var kelvin = parseResult.GetValue(TemperatureTolerance);
        return kelvin >= 0 ? new ConditionTolerance(kelvin) : throw new CommandLineException("--temperature-tolerance must not be negative", ExitCodes.UsageError);
    }
}

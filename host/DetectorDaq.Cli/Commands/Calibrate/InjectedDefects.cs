using DetectorDaq.Hil.Scenarios;
using DetectorDaq.Production.Simulation;

namespace DetectorDaq.Cli.Commands.Calibrate;

/// <summary>Channel defects given on the command line for the simulated module of <c>calibrate run</c>.</summary>
/// <param name="Dead">Channels that see no charge (they read their pedestal).</param>
/// <param name="Stuck">Channels stuck at one code.</param>
/// <param name="Noisy">Channels with extra noise.</param>
/// <param name="Nonlinear">Channels with a bowed response.</param>
public sealed record InjectedDefects(int[] Dead, int[] Stuck, int[] Noisy, int[] Nonlinear)
{
    /// <summary>Extra noise of a noisy channel, codes rms: about eight times a typical module's 6.6 codes (as the HIL scenarios' default).</summary>
    public const double NoiseRmsCodes = ChannelDefectInjections.DefaultNoiseCodes;

    /// <summary>
    /// Bow of a nonlinear channel, as a fraction of full scale at mid range: with the example script's flats
    /// a departure from the straight line of about 0.5 % of the top-level signal, 80 times a healthy channel's.
    /// </summary>
    public const double Bow = ChannelDefectInjections.DefaultBow;

    /// <summary>Code a stuck channel always reads.</summary>
    public const int StuckCode = ChannelDefectInjections.DefaultStuckCode;

    /// <summary>True when no defect was given.</summary>
    public bool IsEmpty => Dead.Length + Stuck.Length + Noisy.Length + Nonlinear.Length == 0;

    /// <summary>Adds the defects to <paramref name="module"/>'s own; nothing when none were given.</summary>
    /// <exception cref="CommandLineException">A channel is outside the module, or the module has no DDC264 chain.</exception>
    public void ApplyTo(SimulatedModule module)
    {
        var all = Dead.Concat(Stuck).Concat(Noisy).Concat(Nonlinear).ToArray();
        if (all.Length == 0)
        {
            return;
        }

        var channels = module.Rows * module.Columns;
        var outside = all.Where(channel => channel < 0 || channel >= channels).ToArray();
        if (outside.Length > 0)
        {
            throw new CommandLineException($"defect channel {outside[0]} is outside the module's 0..{channels - 1}", ExitCodes.UsageError);
        }

        var defects = module.Defects ?? throw new CommandLineException("channel defects need a DDC264 module", ExitCodes.UsageError);
        Array.ForEach(Dead, defects.SetDead);
        Array.ForEach(Stuck, channel => defects.SetStuck(channel, StuckCode));
        Array.ForEach(Noisy, channel => defects.SetNoisy(channel, NoiseRmsCodes));
        Array.ForEach(Nonlinear, channel => defects.SetNonlinear(channel, Bow));
    }
}

using DetectorDaq.Hil.Chips.Ddc264;
using DetectorDaq.Production.Simulation;

namespace DetectorDaq.Cli.Commands.Calibrate;

/// <summary>Channel defects given on the command line for the simulated module of <c>calibrate run</c>.</summary>
/// <param name="Dead">Channels with no signal.</param>
/// <param name="Stuck">Channels stuck at one code.</param>
/// <param name="Noisy">Channels with extra noise.</param>
/// <param name="Nonlinear">Channels with a bowed response.</param>
public sealed record InjectedDefects(int[] Dead, int[] Stuck, int[] Noisy, int[] Nonlinear)
{
    /// <summary>Extra noise of a noisy channel, codes rms: far above the ideal chip's zero noise.</summary>
    public const double NoiseRmsCodes = 50;

    /// <summary>Bow of a nonlinear channel, as a fraction of full scale at mid range.</summary>
    public const double Bow = 0.02;

    /// <summary>Code a stuck channel always reads.</summary>
    public const int StuckCode = 4242;

    /// <summary>Sets the defects on <paramref name="module"/>; nothing when none were given.</summary>
    /// <exception cref="CommandLineException">A channel is outside the module.</exception>
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

        var defects = new ChannelDefects(channels);
        Array.ForEach(Dead, defects.SetDead);
        Array.ForEach(Stuck, channel => defects.SetStuck(channel, StuckCode));
        Array.ForEach(Noisy, channel => defects.SetNoisy(channel, NoiseRmsCodes));
        Array.ForEach(Nonlinear, channel => defects.SetNonlinear(channel, Bow));
        module.Defects = defects;
    }
}

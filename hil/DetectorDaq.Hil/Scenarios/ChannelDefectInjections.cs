using DetectorDaq.Hil.Chips.Ddc264;

namespace DetectorDaq.Hil.Scenarios;

/// <summary>The injections that change a module's analogue behaviour, applied to its chips' <see cref="ChannelDefects"/> before the run.</summary>
public static class ChannelDefectInjections
{
    /// <summary>Extra noise of <c>noisy-channels</c> without <c>amount</c>, codes rms (about eight times a typical module's 6.6).</summary>
    public const double DefaultNoiseCodes = 50;

    /// <summary>Bow of <c>nonlinear-channels</c> without <c>amount</c>, fraction of full scale at mid-range.</summary>
    public const double DefaultBow = 0.01;

    /// <summary>Code of <c>stuck-channels</c> without <c>code</c>.</summary>
    public const int DefaultStuckCode = 4242;

    /// <summary>True for the kinds applied here.</summary>
    public static bool Applies(InjectionKind kind) => kind is InjectionKind.DeadChannels or InjectionKind.StuckChannels
        or InjectionKind.NoisyChannels or InjectionKind.NonlinearChannels or InjectionKind.SideMismatch or InjectionKind.TemperatureDrift;

    /// <summary>
    /// Applies the injections of <paramref name="injections"/> meant for module <paramref name="module"/> to
    /// <paramref name="defects"/>; side mismatch adds to the module's own.
    /// </summary>
    public static void ApplyTo(IEnumerable<Injection> injections, int module, ChannelDefects defects)
    {
        ArgumentNullException.ThrowIfNull(injections);
        ArgumentNullException.ThrowIfNull(defects);
        foreach (var injection in injections.Where(i => Applies(i.Kind) && (i.AllModules || i.Module == module)))
        {
            foreach (var channel in injection.Channels ?? [])
            {
                switch (injection.Kind)
                {
                    case InjectionKind.DeadChannels:
                        defects.SetDead(channel);
                        break;
                    case InjectionKind.StuckChannels:
                        defects.SetStuck(channel, injection.Code ?? DefaultStuckCode);
                        break;
                    case InjectionKind.NoisyChannels:
                        defects.SetNoisy(channel, injection.Amount ?? DefaultNoiseCodes);
                        break;
                    case InjectionKind.NonlinearChannels:
                        defects.SetNonlinear(channel, injection.Amount ?? DefaultBow);
                        break;
                }
            }

            if (injection.Kind == InjectionKind.SideMismatch)
            {
                defects.SideBOffsetCodes += injection.OffsetCodes ?? 0;
                defects.SideBGainError += injection.RelativeGain ?? 0;
            }
            else if (injection.Kind == InjectionKind.TemperatureDrift)
            {
                defects.OffsetDriftCodesPerCelsius = injection.CodesPerCelsius ?? 0;
                defects.TemperatureCelsius = injection.TemperatureCelsius ?? defects.ReferenceTemperatureCelsius;
            }
        }
    }
}

namespace DetectorDaq.Hil.Scenarios;

/// <summary>YAML names of <see cref="InjectionKind"/> values.</summary>
public static class InjectionKindNames
{
    private static readonly (string Name, InjectionKind Kind)[] Table =
    [
        ("packet-loss", InjectionKind.PacketLoss),
        ("reorder", InjectionKind.Reorder),
        ("duplicate", InjectionKind.Duplicate),
        ("corrupt", InjectionKind.Corrupt),
        ("controller-stall", InjectionKind.ControllerStall),
        ("controller-restart", InjectionKind.ControllerRestart),
        ("chip-not-answering", InjectionKind.ChipNotAnswering),
        ("crc-errors", InjectionKind.CrcErrors),
        ("clock-drift", InjectionKind.ClockDrift),
        ("dead-channels", InjectionKind.DeadChannels),
        ("stuck-channels", InjectionKind.StuckChannels),
        ("noisy-channels", InjectionKind.NoisyChannels),
        ("nonlinear-channels", InjectionKind.NonlinearChannels),
        ("side-mismatch", InjectionKind.SideMismatch),
        ("temperature-drift", InjectionKind.TemperatureDrift),
    ];

    /// <summary>All names, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = Table.Select(entry => entry.Name).ToArray();

    /// <summary>The kind called <paramref name="name"/> (exact, lower case), or false.</summary>
    public static bool TryParse(string name, out InjectionKind kind)
    {
        foreach (var entry in Table)
        {
            if (string.Equals(entry.Name, name, StringComparison.Ordinal))
            {
                kind = entry.Kind;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>The YAML name of <paramref name="kind"/>.</summary>
    public static string NameOf(InjectionKind kind) => Table.First(entry => entry.Kind == kind).Name;
}

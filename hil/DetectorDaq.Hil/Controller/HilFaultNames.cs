namespace DetectorDaq.Hil.Controller;

/// <summary>Command-line names of <see cref="HilFault"/> values.</summary>
public static class HilFaultNames
{
    private static readonly (string Name, HilFault Fault)[] Table =
    [
        ("none", HilFault.None),
        ("chip-not-answering", HilFault.ChipNotAnswering),
        ("bad-crc", HilFault.BadCrc),
        ("fpga-not-answering", HilFault.FpgaNotAnswering),
        ("ddc264-not-answering", HilFault.Ddc264NotAnswering),
        ("readback-mismatch", HilFault.ReadbackMismatch),
    ];

    /// <summary>All names, for help texts and validation.</summary>
    public static IReadOnlyList<string> All { get; } = Table.Select(entry => entry.Name).ToArray();

    /// <summary>The fault called <paramref name="name"/>, or false.</summary>
    public static bool TryParse(string name, out HilFault fault)
    {
        foreach (var entry in Table)
        {
            if (string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                fault = entry.Fault;
                return true;
            }
        }

        fault = HilFault.None;
        return false;
    }

    /// <summary>The command-line name of <paramref name="fault"/>.</summary>
    public static string NameOf(HilFault fault) => Table.First(entry => entry.Fault == fault).Name;
}

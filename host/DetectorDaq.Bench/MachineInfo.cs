using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DetectorDaq.Bench;

/// <summary>The machine a report was measured on.</summary>
public sealed record MachineInfo
{
    /// <summary>Logical processors available to the process.</summary>
    public int Cores { get; init; }

    /// <summary>CPU model from /proc/cpuinfo ("model name"), or the architecture off Linux.</summary>
    public string CpuModel { get; init; } = "";

    /// <summary>.NET runtime description, e.g. ".NET 10.0.0".</summary>
    public string DotnetVersion { get; init; } = "";

    /// <summary>Operating system description.</summary>
    public string Os { get; init; } = "";

    /// <summary>Widest SIMD path the calibration kernel takes: "avx2", "vector128" or "scalar".</summary>
    public string Simd { get; init; } = "";

    /// <summary>Describes this machine.</summary>
    public static MachineInfo Current() => new()
    {
        Cores = Environment.ProcessorCount,
        CpuModel = ReadCpuModel(),
        DotnetVersion = RuntimeInformation.FrameworkDescription,
        Os = RuntimeInformation.OSDescription,
        Simd = Avx2.IsSupported ? "avx2" : Vector128.IsHardwareAccelerated ? "vector128" : "scalar",
    };

    private static string ReadCpuModel()
    {
        const string CpuInfo = "/proc/cpuinfo";
        if (File.Exists(CpuInfo))
        {
            foreach (var line in File.ReadLines(CpuInfo))
            {
                if (line.StartsWith("model name", StringComparison.Ordinal))
                {
                    return line[(line.IndexOf(':') + 1)..].Trim();
                }
            }
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}

using DetectorDaq.Interfaces.Rendering;

namespace DetectorDaq.Interfaces.Tests;

/// <summary>Locations in the source tree the tests read.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = GeneratedFileSet.FindRepositoryRoot(TestContext.CurrentContext.TestDirectory);

    public static string Interfaces => Path.Combine(Root, "fpga-interfaces");
}

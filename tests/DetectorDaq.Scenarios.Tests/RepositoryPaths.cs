namespace DetectorDaq.Scenarios.Tests;

internal static class RepositoryPaths
{
    /// <summary>The repository root: the first directory above the test binaries that holds DetectorDAQ.sln.</summary>
    public static string Root
    {
        get
        {
            for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "DetectorDAQ.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("DetectorDAQ.sln not found above " + TestContext.CurrentContext.TestDirectory);
        }
    }

    public static string ScenarioDirectory => Path.Combine(Root, "hil", "scenarios");
}

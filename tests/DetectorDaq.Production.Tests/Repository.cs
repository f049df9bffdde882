namespace DetectorDaq.Production.Tests;

/// <summary>Paths in the repository, found by walking up to DetectorDAQ.sln.</summary>
internal static class Repository
{
    public static string Root()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "DetectorDAQ.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("DetectorDAQ.sln not found above the test directory");
    }

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root(), .. parts]);
}

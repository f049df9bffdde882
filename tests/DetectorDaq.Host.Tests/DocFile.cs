namespace DetectorDaq.Host.Tests;

/// <summary>Generated documentation pages: compared with what the code produces, rewritten with DETDAQ_UPDATE_DOCS=1.</summary>
internal static class DocFile
{
    public static void AssertCurrent(string relativePath, string expected)
    {
        var path = Path.Combine(RepositoryRoot(), relativePath);
        if (Environment.GetEnvironmentVariable("DETDAQ_UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }

        Assert.That(File.Exists(path) ? File.ReadAllText(path) : "", Is.EqualTo(expected), $"{relativePath} is stale; regenerate with: DETDAQ_UPDATE_DOCS=1 dotnet test tests/DetectorDaq.Host.Tests");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DetectorDAQ.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("DetectorDAQ.sln not found above the test directory");
    }
}

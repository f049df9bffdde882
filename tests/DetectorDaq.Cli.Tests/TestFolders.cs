namespace DetectorDaq.Cli.Tests;

/// <summary>The repository root and fresh scratch folders for the CLI tests.</summary>
internal static class TestFolders
{
    public static string RepositoryRoot
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

            throw new DirectoryNotFoundException("DetectorDAQ.sln not found");
        }
    }

    /// <summary>A new empty folder under the temporary directory.</summary>
    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "detdaq-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}

namespace DetectorDaq.Files.Tests;

/// <summary>Where the bundled sample data and scratch files are.</summary>
internal static class TestPaths
{
    /// <summary>The repository root: the folder holding DetectorDAQ.sln.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DetectorDAQ.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("DetectorDAQ.sln not found above the test binaries");
        }
    }

    /// <summary>The Data Exchange tooth sample (181 projections of 2 × 640, 10 darks, 10 flats).</summary>
    public static string Tooth => Path.Combine(RepositoryRoot, "hil", "recordings", "tooth.h5");

    /// <summary>A fresh empty folder for one test.</summary>
    public static string NewScratchFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "detdaq-files-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}

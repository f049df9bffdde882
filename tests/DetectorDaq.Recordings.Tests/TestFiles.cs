using System.Diagnostics;

namespace DetectorDaq.Recordings.Tests;

/// <summary>The sample recordings bundled in hil/recordings, temporary files and the independent Python reader.</summary>
internal static class TestFiles
{
    private const string Python = "/usr/bin/python3";

    public static string ToothPath => Path.Combine(Recordings, "tooth.h5");

    public static string OpenBciPath => Path.Combine(Recordings, "OpenBCI_GUI-v6-blinks-jawClench-alpha.txt");

    private static string Recordings
    {
        get
        {
            var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DetectorDAQ.sln")))
            {
                directory = directory.Parent;
            }

            Assert.That(directory, Is.Not.Null, "repository root (DetectorDAQ.sln) not found above the test directory");
            return Path.Combine(directory!.FullName, "hil", "recordings");
        }
    }

    public static string TemporaryPath(string extension) => Path.Combine(Path.GetTempPath(), $"detdaq-recording-{Guid.NewGuid():N}{extension}");

    /// <summary>Runs <paramref name="script"/> with /usr/bin/python3 (h5py, numpy) and returns its stdout; fails on a non-zero exit.</summary>
    public static string RunPython(string script, params string[] arguments)
    {
        if (!File.Exists(Python))
        {
            Assert.Fail($"{Python} is missing: install python3, python3-h5py and python3-numpy");
        }

        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.That(process.WaitForExit(60_000), Is.True, "python did not finish in 60 s");
        Assert.That(process.ExitCode, Is.EqualTo(0), errors.Result);
        return output.Result;
    }
}

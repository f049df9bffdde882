using System.Diagnostics;

namespace DetectorDaq.Cli.Tests;

/// <summary>Debian's Python with h5py, numpy and pyzmq: an independent reader of what detdaq writes.</summary>
internal static class Python
{
    public const string Interpreter = "/usr/bin/python3";

    public static Process Start(string script, params string[] args)
    {
        Assert.That(File.Exists(Interpreter), Is.True, $"{Interpreter} with h5py, numpy and zmq is needed (Debian: python3-h5py python3-numpy python3-zmq)");
        var start = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    /// <summary>Runs <paramref name="script"/> and returns its standard output; fails the test on a non-zero exit.</summary>
    public static string Run(string script, params string[] args)
    {
        using var process = Start(script, args);
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, error);
        return output;
    }
}

using System.Diagnostics;

namespace DetectorDaq.Files.Tests;

/// <summary>Runs the independent readers (h5py under /usr/bin/python3, h5dump) the tests cross-check with.</summary>
internal static class ExternalTools
{
    public const string Python = "/usr/bin/python3";
    public const string H5Dump = "/usr/bin/h5dump";

    /// <summary>Runs a Python script (stdin) with h5py; fails the test with its stderr when it exits non-zero.</summary>
    public static string RunPython(string script, params string[] arguments)
    {
        if (!File.Exists(Python))
        {
            Assert.Fail($"{Python} is missing: install python3-h5py and python3-numpy (CI does)");
        }

        return Run(Python, ["-", .. arguments], script);
    }

    /// <summary>Runs <c>h5dump</c> with <paramref name="arguments"/> and returns its output.</summary>
    public static string RunH5Dump(params string[] arguments)
    {
        if (!File.Exists(H5Dump))
        {
            Assert.Fail($"{H5Dump} is missing: install hdf5-tools (CI does)");
        }

        return Run(H5Dump, arguments, standardInput: null);
    }

    private static string Run(string program, string[] arguments, string? standardInput)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = standardInput is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
            process.StandardInput.Close();
        }

        var errorTask = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var error = errorTask.Result;
        if (process.ExitCode != 0)
        {
            Assert.Fail($"{program} exited with {process.ExitCode}:\n{error}\n{output}");
        }

        return output;
    }
}

using System.Diagnostics;

namespace DetectorDaq.Streaming.Tests;

/// <summary>Runs a Python script with /usr/bin/python3 (pyzmq, numpy) as an independent peer of the stream.</summary>
internal sealed class PythonSubscriber : IDisposable
{
    private const string Interpreter = "/usr/bin/python3";
    private readonly Process _process;
    private readonly string _scriptPath;

    public PythonSubscriber(string script, params string[] arguments)
    {
        if (!File.Exists(Interpreter))
        {
            Assert.Fail($"{Interpreter} is missing: install python3, python3-zmq and python3-numpy");
        }

        _scriptPath = Path.Combine(Path.GetTempPath(), $"detdaq-subscriber-{Guid.NewGuid():N}.py");
        File.WriteAllText(_scriptPath, script);
        var start = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(_scriptPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
    }

    /// <summary>Waits for the script to print <paramref name="line"/>; fails with its stderr when it exits first.</summary>
    public void WaitForLine(string line, TimeSpan timeout)
    {
        var read = Task.Run(() =>
        {
            string? output;
            while ((output = _process.StandardOutput.ReadLine()) is not null)
            {
                if (output.Trim() == line)
                {
                    return true;
                }
            }

            return false;
        });
        if (!read.Wait(timeout) || !read.Result)
        {
            Assert.Fail($"python subscriber did not print '{line}': {_process.StandardError.ReadToEnd()}");
        }
    }

    /// <summary>Waits for the script to end; returns its exit code, stdout rest and stderr.</summary>
    public (int ExitCode, string Output) WaitForExit(TimeSpan timeout)
    {
        var output = _process.StandardOutput.ReadToEndAsync();
        var errors = _process.StandardError.ReadToEndAsync();
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill();
            Assert.Fail("python subscriber did not finish in time");
        }

        return (_process.ExitCode, output.Result + errors.Result);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
        File.Delete(_scriptPath);
    }
}

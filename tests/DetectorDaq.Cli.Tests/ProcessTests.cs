using System.Diagnostics;
using System.Text.RegularExpressions;

namespace DetectorDaq.Cli.Tests;

/// <summary>The bring-up session of the README, as separate detdaq processes talking over loopback.</summary>
public partial class ProcessTests
{
    private static string DetdaqPath => Path.Combine(TestContext.CurrentContext.TestDirectory, "detdaq.dll");

    [TestCase("none", 0)]
    [TestCase("chip-not-answering", 1)]
    public void SelfTestProcess_AgainstAHilControllerProcess_ExitsWithTheVerdict(string fault, int expectedExitCode)
    {
        using var controller = Start("hil", "controller", "--port", "0", "--fault", fault, "--duration", "60");
        try
        {
            var port = ReadListeningPort(controller);

            using var selfTest = Start("board", "selftest", "--controller", $"127.0.0.1:{port}");
            var output = selfTest.StandardOutput.ReadToEnd();
            Assert.That(selfTest.WaitForExit(30_000), Is.True);

            Assert.That(selfTest.ExitCode, Is.EqualTo(expectedExitCode), output);
            Assert.That(output, Does.Contain(expectedExitCode == 0 ? "self-test PASS" : "ADS131M08 reset"));
        }
        finally
        {
            controller.Kill();
        }
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(DetdaqPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    private static int ReadListeningPort(Process controller)
    {
        var line = controller.StandardOutput.ReadLine() ?? throw new InvalidOperationException("controller printed nothing: " + controller.StandardError.ReadToEnd());
        var match = ListeningLine().Match(line);
        Assert.That(match.Success, Is.True, line);
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"listening on 127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningLine();
}

using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;
using DetectorDaq.Hil.Scenarios;

namespace DetectorDaq.Scenarios.Tests;

public sealed class ReportTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 4, 5, 6, 7, TimeSpan.FromHours(2));

    private static readonly ScenarioResult[] Results =
    [
        new("healthy", Start, TimeSpan.FromSeconds(1.5),
            [new("min_complete_fraction", true, "1 complete, at least 0.999 expected"), new("no_crash", true, "no crash")],
            new Dictionary<string, double> { ["frames_complete"] = 2000, ["complete_fraction"] = 1 }),
        new("packet-loss", Start.AddSeconds(2), TimeSpan.FromSeconds(2.25),
            [
                new("losses_reported_equal_injected", false, "reported 39 lost, injected 40"),
                new("min_complete_fraction", false, "0.5 complete, at least 0.9 expected <&> \u0001"),
                new("no_crash", true, "no crash"),
            ],
            new Dictionary<string, double>()),
        new("chip-not-answering", Start.AddSeconds(5), TimeSpan.FromMilliseconds(250), [], new Dictionary<string, double>(), "controller 0 did not start: timeout"),
    ];

    private static string Xml()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        JUnitReport.Write(writer, Results);
        return writer.ToString();
    }

    [Test]
    public void JUnitXml_HasOneSuitePerScenarioAndOneCasePerExpectationPlusRun()
    {
        var document = XDocument.Parse(Xml());
        var root = document.Root!;

        Assert.That(root.Name.LocalName, Is.EqualTo("testsuites"));
        Assert.That((int)root.Attribute("tests")!, Is.EqualTo(3 + 4 + 1));
        Assert.That((int)root.Attribute("failures")!, Is.EqualTo(2));
        Assert.That((int)root.Attribute("errors")!, Is.EqualTo(1));
        Assert.That((string)root.Attribute("time")!, Is.EqualTo("4.000"));

        var suites = root.Elements("testsuite").ToList();
        Assert.That(suites.Select(suite => (string)suite.Attribute("name")!), Is.EqualTo(new[] { "healthy", "packet-loss", "chip-not-answering" }));
        foreach (var suite in suites)
        {
            var cases = suite.Elements("testcase").ToList();
            Assert.That((int)suite.Attribute("tests")!, Is.EqualTo(cases.Count));
            Assert.That((int)suite.Attribute("failures")!, Is.EqualTo(cases.Count(testCase => testCase.Element("failure") is not null)));
            Assert.That((int)suite.Attribute("errors")!, Is.EqualTo(cases.Count(testCase => testCase.Element("error") is not null)));
            Assert.That((string)cases[0].Attribute("name")!, Is.EqualTo(JUnitReport.RunTestCaseName));
            Assert.That(cases.All(testCase => (string)testCase.Attribute("classname")! == "hil.scenarios." + (string)suite.Attribute("name")!), Is.True);
        }

        Assert.That((string)suites[0].Attribute("timestamp")!, Is.EqualTo("2025-03-04T03:06:07"));
        Assert.That((string)suites[1].Attribute("time")!, Is.EqualTo("2.250"));
        Assert.That(suites[0].Element("properties")!.Elements("property").Select(property => (string)property.Attribute("name")! + "=" + (string)property.Attribute("value")!),
            Is.EqualTo(new[] { "complete_fraction=1", "frames_complete=2000" }));
        var failure = suites[1].Elements("testcase").ElementAt(2).Element("failure")!;
        Assert.That((string)failure.Attribute("message")!, Is.EqualTo("0.5 complete, at least 0.9 expected <&> ?"));
        Assert.That((string)suites[2].Element("testcase")!.Element("error")!.Attribute("message")!, Is.EqualTo("controller 0 did not start: timeout"));
    }

    [Test]
    public void JUnitXml_IsReadByPythonElementTreeWithTheSameCounts()
    {
        const string python = "/usr/bin/python3";
        Assert.That(File.Exists(python), Is.True, "/usr/bin/python3 is needed for this cross-check (apt-get install python3)");
        var path = Path.Combine(Path.GetTempPath(), "junit-" + Guid.NewGuid() + ".xml");
        try
        {
            JUnitReport.Write(path, Results);
            const string script =
                "import sys, xml.etree.ElementTree as ET\n" +
                "root = ET.parse(sys.argv[1]).getroot()\n" +
                "cases = root.findall('./testsuite/testcase')\n" +
                "print(root.tag, root.get('tests'), root.get('failures'), root.get('errors'), len(cases),\n" +
                "      len(root.findall('./testsuite/testcase/failure')), len(root.findall('./testsuite/testcase/error')),\n" +
                "      sum(int(s.get('tests')) for s in root.findall('testsuite')))\n";
            var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(script);
            start.ArgumentList.Add(path);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();

            Assert.That(process.ExitCode, Is.Zero, error);
            Assert.That(output.Trim(), Is.EqualTo("testsuites 8 2 1 8 2 1 8"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Summary_ListsEachScenarioWithItsFailuresInFixedWidthColumns()
    {
        var text = ScenarioSummary.Render(Results);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.That(lines[0], Does.StartWith("Scenario"));
        Assert.That(lines[1], Does.Match("^-+$"));
        Assert.That(lines[2], Does.Match(@"^healthy\s+PASS\s+2/2\s+1\.5 s$"));
        Assert.That(lines[3], Does.Match(@"^packet-loss\s+FAIL\s+1/3\s+2\.3 s  losses_reported_equal_injected: reported 39 lost, injected 40$"));
        Assert.That(lines[4].TrimStart(), Does.StartWith("min_complete_fraction: 0.5 complete"));
        Assert.That(lines[5], Does.Match(@"^chip-not-answering\s+ERROR\s+0/0\s+0\.3 s  error: controller 0 did not start: timeout$"));
        Assert.That(lines[6], Is.EqualTo("3 scenarios: 1 passed, 1 failed, 1 errors"));
        var notesColumn = lines[0].IndexOf("Notes", StringComparison.Ordinal);
        Assert.That(lines[3].IndexOf("losses", StringComparison.Ordinal), Is.EqualTo(notesColumn));
        Assert.That(lines[4].IndexOf("min_complete", StringComparison.Ordinal), Is.EqualTo(notesColumn));
    }
}

using System.Globalization;
using System.Text;
using System.Xml;

namespace DetectorDaq.Hil.Scenarios;

/// <summary>
/// Writes scenario results as JUnit XML, the format Jenkins (junit plugin) and GitLab (<c>artifacts:reports:junit</c>)
/// read.
/// </summary>
/// <remarks>
/// Layout: one <c>testsuite</c> per scenario and one <c>testcase</c> per expectation (class name
/// <c>hil.scenarios.NAME</c>, test name the expectation key), so a CI page lists which expectation failed. Each suite
/// starts with a <c>run</c> test case that carries the scenario's duration and, when the run could not complete, an
/// <c>error</c> element; the expectation test cases have time 0. Measurements become suite <c>properties</c>.
/// Timestamps are UTC without a zone suffix, as the JUnit schema (xs:dateTime pattern without zone) wants; times are
/// seconds with a dot as decimal separator.
/// </remarks>
public static class JUnitReport
{
    /// <summary>Test-case name of the entry that stands for the run itself.</summary>
    public const string RunTestCaseName = "run";

    /// <summary>Writes <paramref name="results"/> to the file <paramref name="path"/> (UTF-8, replaced if present).</summary>
    public static void Write(string path, IEnumerable<ScenarioResult> results)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Write(writer, results);
    }

    /// <summary>Writes <paramref name="results"/> to <paramref name="output"/> as one JUnit XML document.</summary>
    public static void Write(TextWriter output, IEnumerable<ScenarioResult> results)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(results);
        var list = results.ToList();
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false) };
        using var xml = XmlWriter.Create(output, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "hil");
        xml.WriteAttributeString("tests", list.Sum(TestCount).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", list.Sum(result => result.FailedCount).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", list.Count(result => result.Error is not null).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("time", Seconds(TimeSpan.FromTicks(list.Sum(result => result.Duration.Ticks))));
        for (var index = 0; index < list.Count; index++)
        {
            WriteSuite(xml, list[index], index);
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static int TestCount(ScenarioResult result) => result.Expectations.Count + 1;

    private static void WriteSuite(XmlWriter xml, ScenarioResult result, int id)
    {
        var className = "hil.scenarios." + Clean(result.ScenarioName);
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", Clean(result.ScenarioName));
        xml.WriteAttributeString("id", id.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("tests", TestCount(result).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", result.FailedCount.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", result.Error is null ? "0" : "1");
        xml.WriteAttributeString("skipped", "0");
        xml.WriteAttributeString("time", Seconds(result.Duration));
        xml.WriteAttributeString("timestamp", result.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        xml.WriteAttributeString("hostname", Clean(Environment.MachineName));

        if (result.Measurements.Count > 0)
        {
            xml.WriteStartElement("properties");
            foreach (var (name, value) in result.Measurements.OrderBy(entry => entry.Key, StringComparer.Ordinal))
            {
                xml.WriteStartElement("property");
                xml.WriteAttributeString("name", Clean(name));
                xml.WriteAttributeString("value", value.ToString("R", CultureInfo.InvariantCulture));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", RunTestCaseName);
        xml.WriteAttributeString("classname", className);
        xml.WriteAttributeString("time", Seconds(result.Duration));
        if (result.Error is not null)
        {
            xml.WriteStartElement("error");
            xml.WriteAttributeString("message", Clean(result.Error));
            xml.WriteAttributeString("type", "ScenarioRunError");
            xml.WriteString(Clean(result.Error));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();

        foreach (var expectation in result.Expectations)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("name", Clean(expectation.Name));
            xml.WriteAttributeString("classname", className);
            xml.WriteAttributeString("time", "0");
            if (!expectation.Passed)
            {
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("message", Clean(expectation.Message));
                xml.WriteAttributeString("type", "ExpectationFailed");
                xml.WriteString(Clean(expectation.Message));
                xml.WriteEndElement();
            }
            else
            {
                xml.WriteElementString("system-out", Clean(expectation.Message));
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static string Seconds(TimeSpan duration) =>
        duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>Replaces characters XML 1.0 cannot hold (control characters, lone surrogates) with '?'.</summary>
    private static string Clean(string text)
    {
        StringBuilder? cleaned = null;
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            var valid = XmlConvert.IsXmlChar(character)
                || (index + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[index + 1], character));
            if (valid && char.IsHighSurrogate(character))
            {
                cleaned?.Append(character).Append(text[index + 1]);
                index++;
                continue;
            }

            if (!valid)
            {
                cleaned ??= new StringBuilder(text, 0, index, text.Length);
            }

            cleaned?.Append(valid ? character : '?');
        }

        return cleaned?.ToString() ?? text;
    }
}

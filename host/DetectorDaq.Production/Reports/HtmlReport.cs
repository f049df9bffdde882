using System.Globalization;
using System.Net;
using System.Text;
using DetectorDaq.Production.Records;
using DetectorDaq.Production.Workflow;

namespace DetectorDaq.Production.Reports;

/// <summary>
/// A self-contained HTML page of a run: outcome, identity, phases, measurements against limits,
/// operator answers and, when constants were computed, the five plots of <see cref="CalibrationPlots"/>
/// as base64 PNG images (each in a <c>figure</c> whose id is the plot's identifier).
/// </summary>
public static class HtmlReport
{
    /// <summary>The page of <paramref name="result"/>.</summary>
    public static string Render(RunResult result)
    {
        var record = result.Record;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(Encode($"{record.Script} — {record.DutSerial} — {record.Outcome}"))
            .Append("</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 8px}")
            .Append(".PASS{color:#070}.FAIL{color:#b00}.ERROR{color:#b60}.ABORTED{color:#666}.SKIPPED{color:#666}</style></head><body>\n");
        html.Append("<h1>").Append(Encode(record.Script)).Append(": <span class=\"").Append(Word(record.Outcome)).Append("\">").Append(Word(record.Outcome)).Append("</span></h1>\n");
        html.Append("<p>").Append(Encode(record.Description)).Append("</p>\n<table>");
        Row(html, "DUT", $"{record.DutKind} {record.DutSerial}");
        Row(html, "Station", record.Station);
        Row(html, "Start", record.Start.ToString("u", CultureInfo.InvariantCulture));
        Row(html, "End", record.End.ToString("u", CultureInfo.InvariantCulture));
        Row(html, "Message", record.Message);
        Row(html, "Constants stored", record.ConstantsStoredAt ?? "no");
        html.Append("</table>\n<h2>Phases</h2>\n<table><tr><th>Phase</th><th>Kind</th><th>Outcome</th><th>Attempts</th><th>Message</th></tr>");
        foreach (var phase in record.Phases)
        {
            html.Append("<tr><td>").Append(Encode(phase.Name)).Append("</td><td>").Append(Encode(phase.Kind))
                .Append("</td><td class=\"").Append(Word(phase.Outcome)).Append("\">").Append(Word(phase.Outcome))
                .Append("</td><td>").Append(phase.Attempts).Append("</td><td>").Append(Encode(phase.Message)).Append("</td></tr>");
        }

        html.Append("</table>\n<h2>Measurements</h2>\n<table><tr><th>Measurement</th><th>Value</th><th>Limit</th><th>In limit unit</th><th>Result</th></tr>");
        foreach (var measurement in record.Phases.SelectMany(phase => phase.Measurements))
        {
            var value = $"{measurement.Value.ToString("G5", CultureInfo.InvariantCulture)} {measurement.Unit}";
            if (measurement.Limits.Count == 0)
            {
                html.Append("<tr><td>").Append(Encode(measurement.Name)).Append("</td><td>").Append(Encode(value)).Append("</td><td>—</td><td></td><td></td></tr>");
            }

            foreach (var limit in measurement.Limits)
            {
                var verdict = limit.Passed ? "PASS" : "FAIL";
                html.Append("<tr><td>").Append(Encode(measurement.Name)).Append("</td><td>").Append(Encode(value))
                    .Append("</td><td>").Append(Encode($"{limit.Name}: {limit.Low?.ToString(CultureInfo.InvariantCulture) ?? "−∞"} … {limit.High?.ToString(CultureInfo.InvariantCulture) ?? "∞"} {limit.Unit}"))
                    .Append("</td><td>").Append(Encode($"{limit.Value.ToString("G5", CultureInfo.InvariantCulture)} {limit.Unit} {limit.Note}"))
                    .Append("</td><td class=\"").Append(verdict).Append("\">").Append(verdict).Append("</td></tr>");
            }
        }

        html.Append("</table>\n<h2>Operator answers</h2>\n<table>");
        foreach (var (key, answer) in record.Answers)
        {
            Row(html, key, answer);
        }

        html.Append("</table>\n");
        if (result.Data.Constants is { } constants)
        {
            html.Append("<h2>Calibration</h2>\n");
            var images = CalibrationPlots.Render(constants, result.Data.LinearityResiduals);
            foreach (var (id, title) in CalibrationPlots.All)
            {
                html.Append("<figure id=\"").Append(id).Append("\"><img alt=\"").Append(Encode(title)).Append("\" src=\"data:image/png;base64,")
                    .Append(Convert.ToBase64String(images[id])).Append("\"><figcaption>").Append(Encode(title)).Append("</figcaption></figure>\n");
            }
        }

        return html.Append("</body></html>\n").ToString();
    }

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append("<tr><th>").Append(Encode(name)).Append("</th><td>").Append(Encode(value)).Append("</td></tr>");

    private static string Word(Enum outcome) => outcome.ToString().ToUpperInvariant();

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

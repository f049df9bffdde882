using System.Globalization;
using System.Text;

namespace DetectorDaq.Hil.Scenarios;

/// <summary>A plain fixed-width table of scenario results for the console (no colours, no box-drawing characters).</summary>
public static class ScenarioSummary
{
    private static readonly string[] Headers = ["Scenario", "Result", "Checks", "Time", "Notes"];

    /// <summary>
    /// One row per scenario (PASS, FAIL or ERROR, expectations passed/total, duration in seconds, the first problem),
    /// one extra line per further failed expectation, and a closing count line. Lines end with '\n'.
    /// </summary>
    public static string Render(IEnumerable<ScenarioResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var list = results.ToList();
        var rows = new List<string[]>();
        foreach (var result in list)
        {
            var problems = Problems(result).ToList();
            var passedCount = result.Expectations.Count - result.FailedCount;
            rows.Add(
            [
                result.ScenarioName,
                result.Error is not null ? "ERROR" : result.Passed ? "PASS" : "FAIL",
                $"{passedCount}/{result.Expectations.Count}",
                result.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s",
                problems.Count > 0 ? problems[0] : string.Empty,
            ]);
            foreach (var problem in problems.Skip(1))
            {
                rows.Add(["", "", "", "", problem]);
            }
        }

        var widths = new int[Headers.Length];
        for (var column = 0; column < Headers.Length; column++)
        {
            widths[column] = rows.Select(row => row[column].Length).Append(Headers[column].Length).Max();
        }

        var text = new StringBuilder();
        AppendRow(text, Headers, widths);
        text.Append(new string('-', widths.Sum() + 2 * (widths.Length - 1))).Append('\n');
        foreach (var row in rows)
        {
            AppendRow(text, row, widths);
        }

        var passed = list.Count(result => result.Passed);
        var errors = list.Count(result => result.Error is not null);
        text.Append(CultureInfo.InvariantCulture, $"{list.Count} scenarios: {passed} passed, {list.Count - passed - errors} failed, {errors} errors\n");
        return text.ToString();
    }

    private static IEnumerable<string> Problems(ScenarioResult result)
    {
        if (result.Error is not null)
        {
            yield return "error: " + OneLine(result.Error);
        }

        foreach (var expectation in result.Expectations.Where(expectation => !expectation.Passed))
        {
            yield return $"{expectation.Name}: {OneLine(expectation.Message)}";
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        var line = new StringBuilder();
        for (var column = 0; column < cells.Length; column++)
        {
            if (column > 0)
            {
                line.Append("  ");
            }

            // Numbers read better right-aligned.
            var rightAligned = column is 2 or 3;
            line.Append(rightAligned ? cells[column].PadLeft(widths[column]) : cells[column].PadRight(widths[column]));
        }

        text.Append(line.ToString().TrimEnd()).Append('\n');
    }
}

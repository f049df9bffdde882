using DetectorDaq.Production.Reports;
using DetectorDaq.Production.Workflow;

namespace DetectorDaq.Production.Records;

/// <summary>The files of one run in its output folder: <c>record.json</c> and <c>report.html</c>.</summary>
/// <param name="RecordPath">The JSON record.</param>
/// <param name="ReportPath">The HTML report.</param>
public sealed record RunOutputs(string RecordPath, string ReportPath)
{
    /// <summary>Writes the record and the report of <paramref name="result"/> into <paramref name="directory"/>.</summary>
    public static RunOutputs Write(RunResult result, string directory)
    {
        Directory.CreateDirectory(directory);
        var outputs = new RunOutputs(Path.Combine(directory, "record.json"), Path.Combine(directory, "report.html"));
        RunRecordWriter.Write(result.Record with { BadChannels = BadChannelRecord.Of(result.Data.Constants) }, outputs.RecordPath);
        File.WriteAllText(outputs.ReportPath, HtmlReport.Render(result));
        return outputs;
    }
}

using System.Globalization;
using DetectorDaq.Hil.Recordings;

namespace DetectorDaq.Recordings.Tests;

public class OpenBciCsvImporterTests
{
    [Test]
    public void WhenOpenBciFileIsImported_ItHoldsEightChannelsInVoltsEveryFourMilliseconds()
    {
        var recording = OpenBciCsvImporter.Import(TestFiles.OpenBciPath);

        Assert.That(recording.Kind, Is.EqualTo(RecordingKind.Voltage));
        Assert.That(recording.Units, Is.EqualTo("V"));
        Assert.That(recording.SampleCount, Is.EqualTo(22490));
        Assert.That((recording.Rows, recording.Columns), Is.EqualTo((1, 8)));
        Assert.That(recording.SamplePeriodNanoseconds, Is.EqualTo(4_000_000));

        var dataRows = File.ReadLines(TestFiles.OpenBciPath).Where(line => !line.StartsWith('%')).Skip(1).Take(5).ToArray();
        for (var sample = 0; sample < dataRows.Length; sample++)
        {
            var microvolts = dataRows[sample].Split(',').Skip(1).Take(8).Select(text => double.Parse(text, CultureInfo.InvariantCulture)).ToArray();
            Assert.That(recording.SampleValues(sample).ToArray(), Is.EqualTo(microvolts.Select(value => value * 1e-6).ToArray()), $"sample {sample}");
        }

        Assert.That(recording.Value(0, 0, 0), Is.EqualTo(0.06137936).Within(1e-12));
    }

    [TestCase("%OpenBCI Raw EXG Data\nSample Index, EXG Channel 0\n0, 1.0, 2.0\n", "3 columns")]
    [TestCase("%OpenBCI Raw EXG Data\n0, 1, 2, 3, 4, five, 6, 7, 8\n", "EXG channel 4 'five'")]
    [TestCase("%Sample Rate = fast Hz\n0, 1, 2, 3, 4, 5, 6, 7, 8\n", "sample rate 'fast'")]
    [TestCase("%only comments\n", "no data rows")]
    [TestCase("", "no data rows")]
    public void WhenCsvIsMalformed_ImportThrowsOneLineRecordingException(string content, string problem)
    {
        var path = TestFiles.TemporaryPath(".txt");
        File.WriteAllText(path, content);
        try
        {
            var exception = Assert.Throws<RecordingException>(() => OpenBciCsvImporter.Import(path));
            Assert.That(exception!.Message, Does.StartWith(path).And.Contain(problem).And.Not.Contain("\n"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

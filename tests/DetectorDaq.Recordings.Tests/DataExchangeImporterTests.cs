using System.Globalization;
using DetectorDaq.Frames;
using DetectorDaq.Hil.Recordings;

namespace DetectorDaq.Recordings.Tests;

public class TomographyImporterTests
{
    private static Recording? _tooth;

    private static Recording Tooth => _tooth ??= TomographyImporter.Import(TestFiles.ToothPath);

    [Test]
    public void WhenToothIsImported_SamplesAreDarksThenFlatsThenProjections()
    {
        Assert.That(Tooth.Kind, Is.EqualTo(RecordingKind.Current));
        Assert.That(Tooth.Units, Is.EqualTo("A"));
        Assert.That(Tooth.SampleCount, Is.EqualTo(201));
        Assert.That((Tooth.Rows, Tooth.Columns), Is.EqualTo((2, 640)));
        Assert.That(Tooth.SamplePeriodNanoseconds, Is.EqualTo(1_000_000));
        Assert.That(Tooth.ImageKeys!.Take(10), Is.All.EqualTo(ImageKey.Dark));
        Assert.That(Tooth.ImageKeys!.Skip(10).Take(10), Is.All.EqualTo(ImageKey.Flat));
        Assert.That(Tooth.ImageKeys!.Skip(20).ToArray(), Has.Length.EqualTo(181).And.All.EqualTo(ImageKey.Projection));
    }

    [Test]
    public void WhenToothIsImported_CurrentsAreCountsTimesScaleAndPeakIsEightyPercentOfRange()
    {
        // Counts and angles read independently with h5py: "dataset frame row column value" lines.
        var lines = TestFiles.RunPython(
            """
            import sys, h5py
            f = h5py.File(sys.argv[1], "r")
            for name, frame, row, column in [("data_dark", 0, 0, 0), ("data_dark", 9, 1, 639), ("data_white", 0, 0, 1), ("data_white", 9, 1, 300), ("data", 0, 0, 0), ("data", 180, 1, 639), ("data", 90, 1, 123)]:
                print(name, frame, row, column, repr(float(f["exchange"][name][frame, row, column])))
            print("theta", 0, 0, 0, repr(float(f["exchange/theta"][0])))
            print("theta", 180, 0, 0, repr(float(f["exchange/theta"][180])))
            """,
            TestFiles.ToothPath).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var scale = Tooth.SourceScale;

        foreach (var line in lines)
        {
            var fields = line.Split(' ');
            var (frame, row, column) = (int.Parse(fields[1]), int.Parse(fields[2]), int.Parse(fields[3]));
            var value = double.Parse(fields[4], CultureInfo.InvariantCulture);
            switch (fields[0])
            {
                case "data_dark":
                    Assert.That(Tooth.Value(frame, row, column), Is.EqualTo(value * scale), line);
                    break;
                case "data_white":
                    Assert.That(Tooth.Value(10 + frame, row, column), Is.EqualTo(value * scale), line);
                    break;
                case "data":
                    Assert.That(Tooth.Value(20 + frame, row, column), Is.EqualTo(value * scale), line);
                    break;
                default:
                    Assert.That(Tooth.ThetaDegrees![20 + frame], Is.EqualTo(value), line);
                    break;
            }
        }

        var peakCharge = Tooth.Signal.ToArray().Max() * 1e-3;
        Assert.That(peakCharge, Is.EqualTo(0.8 * 150e-12).Within(1e-9).Percent);
    }

    [Test]
    public void WhenAmperesPerCountIsGiven_ItReplacesTheDerivedScale()
    {
        var recording = TomographyImporter.Import(TestFiles.ToothPath, new TomographyImportOptions { AmperesPerCount = 1e-12, IntegrationPeriodNanoseconds = 250_000 });

        Assert.That(recording.SourceScale, Is.EqualTo(1e-12));
        Assert.That(recording.SamplePeriodNanoseconds, Is.EqualTo(250_000));
        Assert.That(recording.Value(20, 0, 0), Is.EqualTo(Tooth.Value(20, 0, 0) / Tooth.SourceScale * 1e-12).Within(1e-9).Percent);
    }

    [Test]
    public void WhenFileIsARecordingNotDataExchange_ImportThrowsOneLineRecordingException()
    {
        var path = TestFiles.TemporaryPath(".h5");
        try
        {
            RecordingWriter.Write(new Recording(RecordingKind.Voltage, 1000, 1, 1, [1.0]), path);
            var exception = Assert.Throws<RecordingException>(() => TomographyImporter.Import(path));
            Assert.That(exception!.Message, Does.StartWith(path).And.Contain("/exchange").And.Not.Contain("\n"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

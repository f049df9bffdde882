using DetectorDaq.Frames;
using DetectorDaq.Hil.Recordings;

namespace DetectorDaq.Recordings.Tests;

public class RecordingFileTests
{
    private static Recording Sample() => new(
        RecordingKind.Current,
        samplePeriodNanoseconds: 2_500_000,
        rows: 2,
        columns: 3,
        signal: Enumerable.Range(0, 4 * 6).Select(i => (i - 7) * 1.25e-9).ToArray(),
        imageKeys: [ImageKey.Dark, ImageKey.Flat, ImageKey.Projection, ImageKey.Projection],
        thetaDegrees: [0, 0, 0, 90.5],
        source: "unit test",
        sourceScale: 1.25e-9);

    [Test]
    public void WhenRecordingIsWrittenAndRead_EverythingRoundTrips()
    {
        var path = TestFiles.TemporaryPath(".h5");
        try
        {
            var original = Sample();
            RecordingWriter.Write(original, path);
            var read = RecordingReader.Read(path);

            Assert.That(read.Kind, Is.EqualTo(original.Kind));
            Assert.That(read.SamplePeriodNanoseconds, Is.EqualTo(original.SamplePeriodNanoseconds));
            Assert.That((read.Rows, read.Columns, read.SampleCount), Is.EqualTo((2, 3, 4)));
            Assert.That(read.Signal.ToArray(), Is.EqualTo(original.Signal.ToArray()));
            Assert.That(read.ImageKeys, Is.EqualTo(original.ImageKeys));
            Assert.That(read.ThetaDegrees, Is.EqualTo(original.ThetaDegrees));
            Assert.That(read.Source, Is.EqualTo("unit test"));
            Assert.That(read.SourceScale, Is.EqualTo(1.25e-9));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void WhenVoltageRecordingHasNoImageKeys_TheyStayAbsent()
    {
        var path = TestFiles.TemporaryPath(".h5");
        try
        {
            RecordingWriter.Write(new Recording(RecordingKind.Voltage, 4_000_000, 1, 8, new double[16]), path);
            var read = RecordingReader.Read(path);

            Assert.That(read.Kind, Is.EqualTo(RecordingKind.Voltage));
            Assert.That(read.ImageKeys, Is.Null);
            Assert.That(read.ThetaDegrees, Is.Null);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void WhenH5pyReadsOurRecording_ItSeesTheDocumentedLayout()
    {
        var path = TestFiles.TemporaryPath(".h5");
        try
        {
            RecordingWriter.Write(Sample(), path);
            var output = TestFiles.RunPython(
                """
                import sys, h5py, numpy as np
                f = h5py.File(sys.argv[1], "r")
                g = f["recording"]
                a = g.attrs
                def text(v): return v.decode() if isinstance(v, bytes) else str(v)
                assert text(a["format"]) == "detdaq-recording", a["format"]
                assert int(a["version"]) == 1
                assert text(a["kind"]) == "current" and text(a["units"]) == "A"
                assert int(a["sample_period_ns"]) == 2500000
                assert int(a["rows"]) == 2 and int(a["columns"]) == 3
                assert text(a["source"]) == "unit test" and float(a["source_scale"]) == 1.25e-9
                s = g["signal"]
                assert s.shape == (4, 2, 3) and s.dtype == np.float64, (s.shape, s.dtype)
                assert text(s.attrs["units"]) == "A"
                expected = ((np.arange(24) - 7) * 1.25e-9).reshape(4, 2, 3)
                assert np.array_equal(s[()], expected)
                k = g["image_key"]
                assert k.dtype == np.int32 and list(k[()]) == [2, 1, 0, 0], (k.dtype, k[()])
                t = g["theta"]
                assert t.dtype == np.float64 and list(t[()]) == [0, 0, 0, 90.5]
                assert text(t.attrs["units"]) == "degree"
                print("layout ok")
                """,
                path);

            Assert.That(output, Does.Contain("layout ok"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase("empty", "file is empty")]
    [TestCase("text", "not a readable HDF5 file")]
    [TestCase("truncated", "truncated")]
    [TestCase("missing", "file not found")]
    [TestCase("other-hdf5", "no /recording group")]
    public void WhenFileIsNotARecording_ReadThrowsOneLineRecordingException(string kind, string problem)
    {
        var path = TestFiles.TemporaryPath(".h5");
        switch (kind)
        {
            case "empty":
                File.WriteAllBytes(path, []);
                break;
            case "text":
                File.WriteAllText(path, "this is not HDF5 at all, just words\n");
                break;
            case "truncated":
                File.WriteAllBytes(path, File.ReadAllBytes(TestFiles.ToothPath)[..1500]);
                break;
            case "other-hdf5":
                File.Copy(TestFiles.ToothPath, path);
                break;
        }

        try
        {
            var exception = Assert.Throws<RecordingException>(() => RecordingReader.Read(path));
            Assert.That(exception!.Message, Does.StartWith(path).And.Contain(problem).And.Not.Contain("\n"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void WhenTruncatedDataExchangeFileIsImported_ImportThrowsRecordingException()
    {
        var path = TestFiles.TemporaryPath(".h5");
        var bytes = File.ReadAllBytes(TestFiles.ToothPath);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        try
        {
            var exception = Assert.Throws<RecordingException>(() => TomographyImporter.Import(path));
            Assert.That(exception!.Message, Does.StartWith(path).And.Not.Contain("\n"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

using System.Globalization;
using DetectorDaq.Acquisition;
using DetectorDaq.Files;
using DetectorDaq.Hil.Chips.Ddc264;
using DetectorDaq.Hil.Recordings;
using DetectorDaq.Hil.Runner;

namespace DetectorDaq.Recordings.Tests;

/// <summary>
/// The integrator side of every frame travels from the virtual DDC264 chain (packet flag) through the
/// receiver into the NeXus file, and back out of <see cref="TomographyFile"/>: side B carries an injected
/// offset, so a recorded side that did not match the data would show.
/// </summary>
public sealed class ReplayedIntegratorSideTests
{
    private const int Columns = 128;
    private const int Frames = 200;
    private const double SideBOffsetCodes = 200;

    [Test]
    public void ReplayedPhantom_RecordsAlternatingSides_ThatMatchTheSideBOffset()
    {
        var path = TestFiles.TemporaryPath(".nxs");
        try
        {
            var recording = PhantomRecording.Create(rows: 1, columns: Columns, frames: Frames, samplePeriodNanoseconds: 1_000_000);
            var defects = new ChannelDefects(Columns) { SideBOffsetCodes = SideBOffsetCodes };
            var summary = ReplayService.Run(new ReplayRequest(recording, 2, new AcquisitionOptions { OutputPath = path, FlatField = false })
            {
                Prepared = controllers =>
                {
                    foreach (var controller in controllers)
                    {
                        controller.Fpga!.Defects = defects;
                    }
                },
            });
            Assert.That(summary.FaultReason, Is.Null);

            using (var file = TomographyFile.Open(path))
            {
                using (Assert.EnterMultipleScope())
                {
                    // Side A converts first after the chips' reset, then the sides alternate.
                    foreach (var series in new[] { file.Darks, file.Flats, file.Projections })
                    {
                        Assert.That(series.IntegratorSides, Is.EqualTo(series.FileIndices.Select(index => (byte)(index % 2))), series.ImageKey.ToString());
                        Assert.That(Enumerable.Range(0, series.Count).Select(frame => series.SideOf(frame, 2)), Is.EqualTo(series.FileIndices.Select(index => index % 2)));
                        Assert.That(Enumerable.Range(0, series.Count).Select(frame => series.SideOf(frame, 1)), Is.All.Zero);
                    }
                }
            }

            var report = TestFiles.RunPython(
                """
                import sys, h5py, numpy
                d = h5py.File(sys.argv[1], "r")["/entry/instrument/detector"]
                s = d["integrator_side"]
                print(s.dtype.str, list(s.shape), s.attrs["long_name"], "|", "side B" in s.attrs["description"])
                sides = s[:]
                print(bool((sides == d["frame_number"][:] % 2).all()))
                darks = d["data"][d["image_key"][:] == 2].astype(float)
                dark_sides = sides[d["image_key"][:] == 2]
                print(repr(float(darks[dark_sides == 1].mean() - darks[dark_sides == 0].mean())))
                """,
                path).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            TestContext.Out.WriteLine(string.Join(Environment.NewLine, report));
            using (Assert.EnterMultipleScope())
            {
                Assert.That(report[0], Is.EqualTo($"|u1 [{Frames}] integrator side | True"));
                Assert.That(report[1], Is.EqualTo("True"));
                Assert.That(double.Parse(report[2], CultureInfo.InvariantCulture), Is.EqualTo(SideBOffsetCodes).Within(2));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}

using DetectorDaq.Frames;

namespace DetectorDaq.Files.Tests;

public class NexusWriterTests
{
    private static readonly DetectorGeometry Geometry = DetectorGeometry.ColumnStrips(rows: 4, columns: 6, moduleCount: 2);

    [Test]
    public void WrittenFile_HasTheDesignLayout_ReadByH5py()
    {
        var path = Path.Combine(TestPaths.NewScratchFolder(), "run.nxs");
        using (var writer = new NexusWriter(path, Geometry, new NexusWriterOptions { ExpectedFrames = 5, CalibrationVersion = "flatfield-v1" }))
        {
            var frame = new DetectorFrame(Geometry);
            var calibrated = new float[Geometry.PixelCount];
            foreach (var (number, key) in new[] { (0ul, ImageKey.Dark), (1ul, ImageKey.Flat), (3ul, ImageKey.Projection) })
            {
                frame.Reset();
                frame.FrameNumber = number;
                frame.ImageKey = key;
                frame.TimestampNanoseconds = 1000 * (number + 1);
                frame.Complete = true;
                frame.IntegratorSideB = number == 1;
                for (var i = 0; i < frame.Codes.Length; i++)
                {
                    frame.Codes[i] = (int)(number * 100) + i;
                    calibrated[i] = number + (i / 10f);
                }

                writer.Write(frame, calibrated);
            }

            writer.Complete();
            Assert.That((writer.FramesWritten, writer.FramesMissing, writer.FramesDropped), Is.EqualTo((3L, 2L, 0L)));
        }

        var report = ExternalTools.RunPython(
            """
            import sys, h5py
            f = h5py.File(sys.argv[1], "r")
            def show(name):
                d = f[name]
                print(name, d.dtype.str, list(d.shape))
            for g in ["/entry", "/entry/instrument", "/entry/instrument/detector", "/entry/data", "/entry/calibrated"]:
                print(g, f[g].attrs["NX_class"])
            for n in ["data", "image_key", "frame_number", "timestamp", "frame_complete", "integrator_side"]:
                show("/entry/instrument/detector/" + n)
            show("/entry/calibrated/data")
            show("/entry/data/data")
            det = f["/entry/instrument/detector"]
            print("image_key", list(det["image_key"][:]))
            print("frame_number", list(det["frame_number"][:]))
            print("frame_complete", list(det["frame_complete"][:]))
            side = det["integrator_side"]
            print("integrator_side", list(side[:]), side.attrs["long_name"])
            print("timestamp", list(det["timestamp"][:]), det["timestamp"].attrs["units"])
            print("raw3", int(det["data"][3, 1, 2]), int(f["/entry/data/data"][3, 1, 2]), int(abs(det["data"][2]).sum()))
            print("signal", f["/entry/data"].attrs["signal"], f["/entry/calibrated"].attrs["signal"])
            print("cal", round(float(f["/entry/calibrated/data"][3, 0, 5]), 4), f["/entry/calibrated/calibration_version"][()].decode())
            print("definition", f["/entry/definition"][()].decode())
            print("start_time", f["/entry/start_time"][()].decode()[:2])
            """,
            path);

        Assert.That(report.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
        {
            "/entry NXentry",
            "/entry/instrument NXinstrument",
            "/entry/instrument/detector NXdetector",
            "/entry/data NXdata",
            "/entry/calibrated NXdata",
            "/entry/instrument/detector/data <i4 [5, 4, 6]",
            "/entry/instrument/detector/image_key <i4 [5]",
            "/entry/instrument/detector/frame_number <u8 [5]",
            "/entry/instrument/detector/timestamp <u8 [5]",
            "/entry/instrument/detector/frame_complete |u1 [5]",
            "/entry/instrument/detector/integrator_side |u1 [5]",
            "/entry/calibrated/data <f4 [5, 4, 6]",
            "/entry/data/data <i4 [5, 4, 6]",
            "image_key [2, 1, 3, 0, 3]",
            "frame_number [0, 1, 2, 3, 4]",
            "frame_complete [1, 1, 0, 1, 0]",
            "integrator_side [0, 1, 0, 0, 0] integrator side",
            "timestamp [1000, 2000, 0, 4000, 0] ns",
            "raw3 308 308 0",
            "signal data data",
            "cal 3.5 flatfield-v1",
            "definition NXtomo",
            "start_time 20",
        }));
    }
}

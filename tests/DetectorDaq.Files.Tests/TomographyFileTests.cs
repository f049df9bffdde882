using DetectorDaq.Frames;

namespace DetectorDaq.Files.Tests;

public class TomographyFileTests
{
    // Writes NeXus fixtures with h5py (not our writer): a main file whose NXdetector data is an external
    // link to data.h5, plus a dangling external link; image keys in several blocks; rotation angles.
    private const string FixtureScript = """
        import sys, os, h5py, numpy as np
        folder = sys.argv[1]
        keys = np.array([2, 2, 1, 1, 0, 0, 0, 3, 0, 1, 1, 2], dtype=np.int32)
        frames = np.arange(len(keys) * 3 * 4, dtype=np.uint16).reshape(len(keys), 3, 4)
        with h5py.File(os.path.join(folder, "data.h5"), "w") as d:
            d["frames"] = frames
        # libver="latest": groups with link messages, the layout of HDF5 1.8+ writers (PureHDF 2.2.0 does not see
        # external links in old-style symbol-table groups, h5py's default; see README).
        with h5py.File(os.path.join(folder, "main.nxs"), "w", libver="latest") as f:
            e = f.create_group("scan"); e.attrs["NX_class"] = "NXentry"
            i = e.create_group("instr"); i.attrs["NX_class"] = "NXinstrument"
            i["broken"] = h5py.ExternalLink("missing.h5", "/frames")
            det = i.create_group("cam"); det.attrs["NX_class"] = "NXdetector"
            det["data"] = h5py.ExternalLink("data.h5", "/frames")
            det["image_key"] = keys
            s = e.create_group("sample"); s.attrs["NX_class"] = "NXsample"
            s["rotation_angle"] = np.arange(len(keys), dtype=np.float64) * 10.0
        with h5py.File(os.path.join(folder, "blocks.nxs"), "w") as f:
            e = f.create_group("scan"); e.attrs["NX_class"] = "NXentry"
            det = e.create_group("cam"); det.attrs["NX_class"] = "NXdetector"
            det["data"] = frames
            det["image_key"] = keys
            s = e.create_group("sample"); s.attrs["NX_class"] = "NXsample"
            s["rotation_angle"] = np.arange(len(keys), dtype=np.float64) * 10.0
        with h5py.File(os.path.join(folder, "dangling.nxs"), "w", libver="latest") as f:
            e = f.create_group("entry"); e.attrs["NX_class"] = "NXentry"
            det = e.create_group("detector"); det.attrs["NX_class"] = "NXdetector"
            det["data"] = h5py.ExternalLink("gone.h5", "/frames")
            det["image_key"] = keys
        with h5py.File(os.path.join(folder, "plain.h5"), "w") as f:
            f["something"] = np.zeros(3)
        with h5py.File(os.path.join(folder, "rank2.h5"), "w") as f:
            f["/exchange/data"] = np.zeros((3, 4), dtype=np.float32)
        with h5py.File(os.path.join(folder, "mismatch.h5"), "w") as f:
            f["/exchange/data"] = np.zeros((3, 4, 5), dtype=np.float32)
            f["/exchange/data_dark"] = np.zeros((2, 4, 6), dtype=np.float32)
        # Recorded sides deliberately not the frame-index parity, so a reader falling back to parity shows.
        sides = np.array([1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0], dtype=np.uint8)
        for name, recorded in [("sides.nxs", sides), ("badsides.nxs", sides * 2), ("shortsides.nxs", sides[:5])]:
            with h5py.File(os.path.join(folder, name), "w") as f:
                det = f.create_group("entry/instrument/detector"); det.attrs["NX_class"] = "NXdetector"
                det["data"] = frames
                det["image_key"] = keys
                det["integrator_side"] = recorded
        with h5py.File(os.path.join(folder, "keys.nxs"), "w") as f:
            det = f.create_group("entry/detector"); det.attrs["NX_class"] = "NXdetector"
            det["data"] = np.zeros((4, 2, 2), dtype=np.int32)
            det["image_key"] = np.zeros(3, dtype=np.int32)
        """;

    private static string _folder = string.Empty;

    [OneTimeSetUp]
    public void WriteFixtures()
    {
        _folder = TestPaths.NewScratchFolder();
        ExternalTools.RunPython(FixtureScript, _folder);
        File.WriteAllBytes(Path.Combine(_folder, "empty.h5"), []);
        File.WriteAllText(Path.Combine(_folder, "garbage.h5"), "this is not an HDF5 file\n");
        var tooth = File.ReadAllBytes(TestPaths.Tooth);
        File.WriteAllBytes(Path.Combine(_folder, "truncated.h5"), tooth[..(tooth.Length / 2)]);
    }

    [Test]
    public void DataExchangeTooth_GivesProjectionsDarksFlatsAndTheta()
    {
        using var file = TomographyFile.Open(TestPaths.Tooth);

        Assert.That((file.Layout, file.Projections.Count, file.Darks.Count, file.Flats.Count, file.Rows, file.Columns), Is.EqualTo((TomographyLayout.DataExchange, 181, 10, 10, 2, 640)));
        Assert.That(file.Theta, Has.Count.EqualTo(181));
    }

    [Test]
    public void NexusWithExternalLink_IsResolvedRelativeToTheFile_AndDanglingLinkIsAWarning()
    {
        using var file = TomographyFile.Open(Path.Combine(_folder, "main.nxs"));

        Assert.That(file.Layout, Is.EqualTo(TomographyLayout.Nexus));
        Assert.That(file.Warnings, Has.Count.EqualTo(1));
        Assert.That(file.Warnings[0], Does.Contain("/scan/instr/broken"));
        var projections = file.Projections.ReadAll();
        Assert.That(projections[..2], Is.EqualTo(new float[] { 48, 49 }));
        Assert.That(file.Theta, Is.EqualTo(new[] { 40.0, 50.0, 60.0, 80.0 }));
    }

    [Test]
    public void MultiBlockDarksAndFlats_AreCollectedInFileOrder_AndInvalidFramesSkipped()
    {
        using var file = TomographyFile.Open(Path.Combine(_folder, "blocks.nxs"));

        Assert.That(file.Darks.FileIndices, Is.EqualTo(new[] { 0, 1, 11 }));
        Assert.That(file.Flats.FileIndices, Is.EqualTo(new[] { 2, 3, 9, 10 }));
        Assert.That(file.Projections.FileIndices, Is.EqualTo(new[] { 4, 5, 6, 8 }));
        var darks = file.Darks.ReadAll();
        Assert.That(new[] { darks[0], darks[12], darks[24] }, Is.EqualTo(new float[] { 0, 12, 132 }));
        Assert.That(file.Theta, Is.EqualTo(new[] { 40.0, 50.0, 60.0, 80.0 }));
    }

    [Test]
    public void RecordedIntegratorSides_AreSplitWithTheFrames_AndDecideTheSide()
    {
        using var file = TomographyFile.Open(Path.Combine(_folder, "sides.nxs"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(file.Darks.IntegratorSides, Is.EqualTo(new byte[] { 1, 0, 0 }));
            Assert.That(file.Flats.IntegratorSides, Is.EqualTo(new byte[] { 1, 0, 0, 1 }));
            Assert.That(Enumerable.Range(0, 4).Select(frame => file.Projections.SideOf(frame, 2)), Is.EqualTo(new[] { 1, 0, 1, 1 }));
            Assert.That(Enumerable.Range(0, 4).Select(frame => file.Projections.SideOf(frame, 1)), Is.All.Zero);
        }
    }

    [Test]
    public void FileWithoutSides_HasNoIntegratorSides_AndTheSideIsTheFileIndexParity()
    {
        using var file = TomographyFile.Open(Path.Combine(_folder, "blocks.nxs"));

        Assert.That(file.Projections.IntegratorSides, Is.Null);
        Assert.That(Enumerable.Range(0, 4).Select(frame => file.Projections.SideOf(frame, 2)), Is.EqualTo(new[] { 0, 1, 0, 0 }));
    }

    [Test]
    public void WhenTheOnlyDetectorDataDangles_OpenFailsNamingTheLink()
    {
        var path = Path.Combine(_folder, "dangling.nxs");

        var exception = Assert.Throws<TomographyFileException>(() => TomographyFile.Open(path));

        Assert.That(exception!.Message, Does.Contain("no recognised layout").And.Contain("/entry/detector/data"));
    }

    [TestCase("empty.h5", "file is empty")]
    [TestCase("garbage.h5", "not a readable HDF5 file")]
    [TestCase("truncated.h5", "")]
    [TestCase("plain.h5", "no recognised layout")]
    [TestCase("rank2.h5", "/exchange/data has rank 2, expected 3")]
    [TestCase("mismatch.h5", "/exchange/data_dark frames are 4 x 6, projections 4 x 5")]
    [TestCase("keys.nxs", "/entry/detector/image_key has shape [3], expected [4]")]
    [TestCase("badsides.nxs", "/entry/instrument/detector/integrator_side[0] is 2, expected 0 (side A) or 1 (side B)")]
    [TestCase("shortsides.nxs", "/entry/instrument/detector/integrator_side has shape [5], expected [12]")]
    [TestCase("absent.h5", "file not found")]
    public void BadInput_ThrowsOneLineMessageNamingTheFile(string name, string problem)
    {
        var path = Path.Combine(_folder, name);

        var exception = Assert.Throws<TomographyFileException>(() => TomographyFile.Open(path));

        Assert.That(exception!.Message, Does.StartWith(path + ": ").And.Contain(problem));
        Assert.That(exception.Message, Does.Not.Contain('\n'));
    }

    [Test]
    public void OurOwnNexusFile_IsReadBack()
    {
        var geometry = DetectorGeometry.ColumnStrips(2, 3, 1);
        var path = Path.Combine(_folder, "own.nxs");
        using (var writer = new NexusWriter(path, geometry, new NexusWriterOptions { ExpectedFrames = 3 }))
        {
            var frame = new DetectorFrame(geometry);
            foreach (var key in new[] { ImageKey.Dark, ImageKey.Flat, ImageKey.Projection })
            {
                frame.ImageKey = key;
                Array.Fill(frame.Codes, (int)key + 5);
                writer.Write(frame);
                frame.FrameNumber++;
            }
        }

        using var file = TomographyFile.Open(path);

        Assert.That((file.Darks.Count, file.Flats.Count, file.Projections.Count), Is.EqualTo((1, 1, 1)));
        Assert.That(file.Projections.ReadAll(), Is.All.EqualTo(5f));
    }
}

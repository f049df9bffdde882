namespace DetectorDaq.Files.Tests;

public class FlatFieldServiceTests
{
    // Independent reference: NumPy in float32, TomoPy convention; prints the worst relative error and NaN/inf agreement.
    private const string CompareScript = """
        import sys, h5py, numpy as np
        src, out, minus_log = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
        with h5py.File(src, "r") as f:
            p = f["/exchange/data"][...].astype(np.float32)
            d = f["/exchange/data_dark"][...].astype(np.float32).mean(axis=0, dtype=np.float64).astype(np.float32)
            w = f["/exchange/data_white"][...].astype(np.float32).mean(axis=0, dtype=np.float64).astype(np.float32)
        ref = (p - d) / np.maximum(w - d, np.float32(1e-6))
        if minus_log:
            with np.errstate(divide="ignore", invalid="ignore"):
                ref = -np.log(ref)
        with h5py.File(out, "r") as g:
            got = g["/entry/calibrated/data"][...]
            print(got.dtype.str, list(got.shape), g["/entry/calibrated/calibration_version"][()].decode(), int(np.abs(g["/entry/calibrated/image_key"][...]).sum()))
        finite = np.isfinite(ref)
        same_special = bool(np.array_equal(np.isnan(ref), np.isnan(got)) and np.array_equal(np.isinf(ref), np.isinf(got)))
        rel = np.abs(got[finite] - ref[finite]) / np.maximum(np.abs(ref[finite]), 1e-3)
        print("maxrel_ok", bool(rel.max() < 1e-4), same_special)
        """;

    [TestCase(false)]
    [TestCase(true)]
    public void OnToothSample_OutputMatchesNumPyWithin1e4Relative(bool minusLog)
    {
        var output = Path.Combine(TestPaths.NewScratchFolder(), "tooth-flat.nxs");
        var progress = new List<double>();

        var warnings = FlatFieldService.Run(TestPaths.Tooth, output, minusLog, new SynchronousProgress(progress.Add));

        var report = ExternalTools.RunPython(CompareScript, TestPaths.Tooth, output, minusLog ? "1" : "0");
        Assert.That(report.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[] { "<f4 [181, 2, 640] flatfield-v1 0", "maxrel_ok True True" }));
        Assert.That(warnings, Is.Empty);
        Assert.That(progress[^1], Is.EqualTo(1.0));
    }

    [Test]
    public void WhenInputIsGarbage_NoOutputIsLeftAndTheErrorNamesTheInput()
    {
        var folder = TestPaths.NewScratchFolder();
        var input = Path.Combine(folder, "garbage.h5");
        File.WriteAllText(input, "not hdf5 at all");
        var output = Path.Combine(folder, "out.nxs");

        var exception = Assert.Throws<TomographyFileException>(() => FlatFieldService.Run(input, output, minusLog: false));

        Assert.That(exception!.Message, Does.StartWith(input + ": "));
        Assert.That(Directory.GetFiles(folder), Is.EqualTo(new[] { input }));
    }

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}

using DetectorDaq.Calibration.Chain;
using DetectorDaq.Cli;
using DetectorDaq.Files.Constants;
using PureHDF;

namespace DetectorDaq.Calibration.Tests;

public sealed class ConstantsFileAndApplyTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("detdaq-calibration-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void CalibrateApply_OnHilModuleFile_WritesProjectionsMatchingTheIdealSignal()
    {
        var module = new HilModule();
        module.InjectTypicalDefects();
        var constants = module.Calibrate();
        var constantsPath = Path.Combine(_directory, "constants.h5");
        ConstantsFile.Write(constantsPath, constants);

        // Every series starts on an even frame, so a frame's index in its dataset has the parity of its side.
        var darks = module.Frames(20);
        module.Exposure = 1;
        var flats = module.Frames(40);
        var first = module.NextFrame;
        module.Transmission = HilEndToEndTests.Transmission;
        var projections = module.Frames(30);
        var input = Path.Combine(_directory, "raw.h5");
        new H5File
        {
            ["exchange"] = new H5Group
            {
                ["data"] = Stack(projections),
                ["data_dark"] = Stack(darks),
                ["data_white"] = Stack(flats),
            },
        }.Write(input);
        var output = Path.Combine(_directory, "calibrated.h5");

        var exitCode = DetectorDaqCommandLine.Run(["calibrate", "apply", "--input", input, "--output", output, "--constants", constantsPath], TextWriter.Null, TextWriter.Null);

        Assert.That(exitCode, Is.Zero);
        using var file = H5File.OpenRead(output);
        Assert.That(file.Dataset("entry/calibrated/calibration_version").Read<string>(), Is.EqualTo("HIL-0001:2026-11-28T09:00:00.0000000+00:00"));
        var data = file.Dataset("entry/calibrated/data").Read<float[]>();
        var channels = HilModule.Rows * HilModule.Columns;
        var worst = 0.0;
        for (var p = 0; p < projections.Count; p++)
        {
            for (var channel = 0; channel < channels; channel++)
            {
                if (!HilModule.Injected.Contains(channel))
                {
                    var ideal = HilEndToEndTests.Transmission(channel, first + p);
                    worst = Math.Max(worst, Math.Abs(data[(p * channels) + channel] - ideal) / ideal);
                }
            }
        }

        TestContext.Out.WriteLine($"largest relative error on good channels: {worst:E2}");
        Assert.That(worst, Is.LessThan(1e-3));
    }

    [Test]
    public void CalibrateApply_WithMissingConstants_FailsWithOneLineNamingTheFile()
    {
        using var error = new StringWriter();
        var missing = Path.Combine(_directory, "missing.h5");

        var exitCode = DetectorDaqCommandLine.Run(["calibrate", "apply", "--input", missing, "--output", Path.Combine(_directory, "out.h5"), "--constants", missing], TextWriter.Null, error);

        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(error.ToString().Trim(), Does.Contain(missing).And.Not.Contain("\n").And.Not.Contain(" at "));
    }

    private static float[,,] Stack(List<SidedFrame> frames)
    {
        var stack = new float[frames.Count, HilModule.Rows, HilModule.Columns];
        for (var f = 0; f < frames.Count; f++)
        {
            for (var channel = 0; channel < HilModule.Rows * HilModule.Columns; channel++)
            {
                stack[f, channel / HilModule.Columns, channel % HilModule.Columns] = frames[f].Codes[channel];
            }
        }

        return stack;
    }
}

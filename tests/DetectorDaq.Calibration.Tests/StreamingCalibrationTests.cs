using DetectorDaq.Calibration.Chain;
using DetectorDaq.Calibration.Constants;
using DetectorDaq.Frames;

namespace DetectorDaq.Calibration.Tests;

/// <summary>
/// The chain in the acquisition stream: frames of the HIL module arrive as detector frames, one by one,
/// and must come out as the offline chain would calibrate them, per module and side, drift-corrected by
/// the run's darks and NaN where a module was incomplete.
/// </summary>
public sealed class StreamingCalibrationTests
{
    private const int Channels = HilModule.Rows * HilModule.Columns;

    [Test]
    public void Projections_EqualTheOfflineChainWithTheRunsFlats()
    {
        var module = new HilModule();
        module.InjectTypicalDefects();
        var constants = module.Calibrate();
        var geometry = OneModule();
        var stream = new StreamingCalibration(geometry, new Dictionary<int, CalibrationConstants> { [0] = constants }, new StreamingCalibrationOptions { OffsetFromRunDarks = false });
        module.Exposure = 1;
        var flats = module.Frames(30);
        module.Transmission = HilEndToEndTests.Transmission;
        var projections = module.Frames(40);

        var output = new float[Channels];
        Assert.That(flats.Select(flat => stream.Process(Frame(geometry, flat, ImageKey.Flat), output)), Is.All.False);
        var offline = new CalibrationChain(constants, new CalibrationChainOptions { FlatField = CalibrationChain.FlatFieldFrom(constants, flats) });
        var expected = new float[Channels];
        var worst = 0.0;
        foreach (var projection in projections)
        {
            Assert.That(stream.Process(Frame(geometry, projection, ImageKey.Projection), output), Is.True);
            offline.Apply(projection.Codes, projection.Side, expected);
            worst = Math.Max(worst, expected.Zip(output, (e, o) => Math.Abs(e - o)).Max());
        }

        Assert.That(worst, Is.LessThan(1e-6));
        Assert.That(stream.Version, Is.EqualTo(constants.VersionLabel));
    }

    [Test]
    public void TemperatureDriftSinceCalibration_IsRemovedByTheRunsDarks()
    {
        var module = new HilModule();
        module.Defects.OffsetDriftCodesPerCelsius = 40;
        module.Defects.TemperatureCelsius = module.Defects.ReferenceTemperatureCelsius;
        var constants = module.Calibrate();
        // The module warmed by 8 °C since its calibration: 320 codes of offset on ≈ 13 000 codes of signal at 0.3 transmission.
        module.Defects.TemperatureCelsius += 8;

        var withDarks = WorstRelativeError(module, constants, offsetFromRunDarks: true);
        var storedOffsets = WorstRelativeError(module, constants, offsetFromRunDarks: false);

        TestContext.Out.WriteLine($"largest relative error: {withDarks:E2} with the run's darks, {storedOffsets:E2} with the stored offsets");
        Assert.That(withDarks, Is.LessThan(1e-3));
        Assert.That(storedOffsets, Is.GreaterThan(10 * withDarks));
    }

    [Test]
    public void IncompleteModule_GivesNaNForItsPixelsOnly()
    {
        var left = new HilModule();
        var right = new HilModule();
        var constants = new Dictionary<int, CalibrationConstants> { [0] = left.Calibrate() with { ModuleSerial = "LEFT" }, [1] = right.Calibrate() with { ModuleSerial = "RIGHT" } };
        var geometry = new DetectorGeometry(HilModule.Rows, 2 * HilModule.Columns, [new ModuleGeometry(0, 0, 0, HilModule.Rows, HilModule.Columns), new ModuleGeometry(1, 0, HilModule.Columns, HilModule.Rows, HilModule.Columns)]);
        var stream = new StreamingCalibration(geometry, constants);
        left.Exposure = right.Exposure = 0.5;
        var frame = new DetectorFrame(geometry) { ImageKey = ImageKey.Projection, CompleteModules = 0b01 };
        Place(frame, left.Frames(1)[0].Codes, 0);
        var output = new float[geometry.PixelCount];

        stream.Process(frame, output);

        var leftPixels = Enumerable.Range(0, Channels).Select(channel => output[geometry.Modules[0].PixelIndex(channel, geometry.Columns)]).ToArray();
        var rightPixels = Enumerable.Range(0, Channels).Select(channel => output[geometry.Modules[1].PixelIndex(channel, geometry.Columns)]).ToArray();
        Assert.That(leftPixels, Has.All.Matches<float>(float.IsFinite));
        Assert.That(rightPixels, Has.All.Matches<float>(float.IsNaN));
        Assert.That(stream.Version, Is.EqualTo($"{constants[0].VersionLabel},{constants[1].VersionLabel}"));
    }

    [Test]
    public void ModuleOutOfStep_IsCorrectedWithTheSideItDelivered()
    {
        var left = new HilModule();
        var right = new HilModule();
        left.Defects.SideBOffsetCodes = right.Defects.SideBOffsetCodes = 300;
        var constants = new Dictionary<int, CalibrationConstants> { [0] = left.Calibrate(), [1] = right.Calibrate() };
        var geometry = new DetectorGeometry(HilModule.Rows, 2 * HilModule.Columns, [new ModuleGeometry(0, 0, 0, HilModule.Rows, HilModule.Columns), new ModuleGeometry(1, 0, HilModule.Columns, HilModule.Rows, HilModule.Columns)]);
        var stream = new StreamingCalibration(geometry, constants, new StreamingCalibrationOptions { OffsetFromRunDarks = false });
        left.Exposure = right.Exposure = 0.5;
        // The right module skipped a conversion: its side is the other one than the left module's.
        right.Frames(1);
        var leftFrame = left.Frames(1)[0];
        var rightFrame = right.Frames(1)[0];
        Assert.That(rightFrame.Side, Is.Not.EqualTo(leftFrame.Side));
        var frame = new DetectorFrame(geometry)
        {
            ImageKey = ImageKey.Projection,
            Complete = true,
            CompleteModules = 0b11,
            IntegratorSideB = leftFrame.Side == 1,
            SideBModules = (leftFrame.Side == 1 ? 1UL : 0) | (rightFrame.Side == 1 ? 2UL : 0),
        };
        Place(frame, leftFrame.Codes, 0);
        Place(frame, rightFrame.Codes, 1);
        var output = new float[geometry.PixelCount];

        stream.Process(frame, output);

        var expected = new float[Channels];
        new CalibrationChain(constants[1]).Apply(rightFrame.Codes, rightFrame.Side, expected);
        var rightPixels = Enumerable.Range(0, Channels).Select(channel => output[geometry.Modules[1].PixelIndex(channel, geometry.Columns)]).ToArray();
        Assert.That(rightPixels, Is.EqualTo(expected).Within(1e-3));
    }

    [Test]
    public void ModuleWithoutConstants_IsRejectedNamingIt()
    {
        var geometry = DetectorGeometry.ColumnStrips(HilModule.Rows, 2 * HilModule.Columns, 2);
        var constants = new Dictionary<int, CalibrationConstants> { [0] = new HilModule().Calibrate() };

        var exception = Assert.Throws<ArgumentException>(() => _ = new StreamingCalibration(geometry, constants));

        Assert.That(exception!.Message, Is.EqualTo("module 1 has no calibration constants"));
    }

    [Test]
    public void ConstantsOfTheSameChannelCountButAnotherShape_AreRejected()
    {
        var constants = new HilModule().Calibrate();
        var geometry = DetectorGeometry.ColumnStrips(1, HilModule.Rows * HilModule.Columns, 1);

        var exception = Assert.Throws<ArgumentException>(() => _ = new StreamingCalibration(geometry, new Dictionary<int, CalibrationConstants> { [0] = constants }));

        Assert.That(exception!.Message, Does.Contain($"are for {HilModule.Rows} x {HilModule.Columns} channels, module 0 has 1 x {HilModule.Rows * HilModule.Columns}"));
    }

    [Test]
    public void Process_AfterTheFirstFrames_DoesNotAllocate()
    {
        var module = new HilModule();
        var constants = module.Calibrate();
        var geometry = OneModule();
        var stream = new StreamingCalibration(geometry, new Dictionary<int, CalibrationConstants> { [0] = constants });
        module.Exposure = 0.8;
        var frame = Frame(geometry, module.Frames(1)[0], ImageKey.Flat);
        var output = new float[Channels];
        stream.Process(frame, output);
        frame.ImageKey = ImageKey.Projection;
        stream.Process(frame, output);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            stream.Process(frame, output);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    private static double WorstRelativeError(HilModule module, CalibrationConstants constants, bool offsetFromRunDarks)
    {
        var geometry = OneModule();
        var stream = new StreamingCalibration(geometry, new Dictionary<int, CalibrationConstants> { [0] = constants }, new StreamingCalibrationOptions { OffsetFromRunDarks = offsetFromRunDarks });
        var output = new float[Channels];
        module.Exposure = 0;
        module.Transmission = (_, _) => 1;
        foreach (var dark in module.Frames(40))
        {
            stream.Process(Frame(geometry, dark, ImageKey.Dark), output);
        }

        module.Exposure = 1;
        foreach (var flat in module.Frames(40))
        {
            stream.Process(Frame(geometry, flat, ImageKey.Flat), output);
        }

        module.Transmission = HilEndToEndTests.Transmission;
        var worst = 0.0;
        for (var p = 0; p < 40; p++)
        {
            var index = module.NextFrame;
            stream.Process(Frame(geometry, module.Frames(1)[0], ImageKey.Projection), output);
            for (var channel = 0; channel < Channels; channel++)
            {
                var ideal = HilEndToEndTests.Transmission(channel, index);
                worst = Math.Max(worst, Math.Abs(output[channel] - ideal) / ideal);
            }
        }

        return worst;
    }

    private static DetectorGeometry OneModule() => DetectorGeometry.ColumnStrips(HilModule.Rows, HilModule.Columns, 1);

    private static DetectorFrame Frame(DetectorGeometry geometry, SidedFrame source, ImageKey key)
    {
        var frame = new DetectorFrame(geometry) { ImageKey = key, Complete = true, CompleteModules = 1, IntegratorSideB = source.Side == 1, SideBModules = source.Side == 1 ? 1UL : 0 };
        source.Codes.CopyTo(frame.Codes, 0);
        return frame;
    }

    private static void Place(DetectorFrame frame, int[] codes, int moduleIndex)
    {
        var module = frame.Geometry.Modules[moduleIndex];
        for (var channel = 0; channel < codes.Length; channel++)
        {
            frame.Codes[module.PixelIndex(channel, frame.Geometry.Columns)] = codes[channel];
        }
    }
}

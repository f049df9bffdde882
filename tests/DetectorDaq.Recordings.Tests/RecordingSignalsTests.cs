using DetectorDaq.Frames;
using DetectorDaq.Hil.Recordings;

namespace DetectorDaq.Recordings.Tests;

public class RecordingSignalsTests
{
    // 3 samples of a 2 x 4 grid; value = sample * 100 + row * 10 + column (in nA or V).
    private static double[] Grid(double unit) => Enumerable.Range(0, 3 * 8).Select(i => ((i / 8 * 100) + (i % 8 / 4 * 10) + (i % 4)) * unit).ToArray();

    [TestCase(0, 0, 0.0 + 0 + 2)]
    [TestCase(1, 0, 0.0 + 0 + 3)]
    [TestCase(2, 1, 100.0 + 10 + 2)]
    [TestCase(3, 2, 200.0 + 10 + 3)]
    public void CurrentSignal_MapsModuleChannelsThroughModuleGeometry(int channel, long frame, double expectedNanoamperes)
    {
        var recording = new Recording(RecordingKind.Current, 1_000_000, 2, 4, Grid(1e-9));
        var signal = RecordingSignals.Current(recording, new ModuleGeometry(1, 0, 2, 2, 2));

        Assert.That(signal(channel, frame).Nanoamperes, Is.EqualTo(expectedNanoamperes).Within(1e-9));
    }

    [TestCase(RecordingEnd.Wrap, 3, 0)]
    [TestCase(RecordingEnd.Wrap, 7, 1)]
    [TestCase(RecordingEnd.Wrap, -1, 2)]
    [TestCase(RecordingEnd.Clamp, 3, 2)]
    [TestCase(RecordingEnd.Clamp, 1000, 2)]
    [TestCase(RecordingEnd.Clamp, -5, 0)]
    public void WhenFrameIndexRunsPastTheEnd_SampleWrapsOrClamps(RecordingEnd end, long frame, int expectedSample)
    {
        var recording = new Recording(RecordingKind.Current, 1_000_000, 2, 4, Grid(1e-9));
        var signal = RecordingSignals.Current(recording, new ModuleGeometry(0, 0, 0, 2, 4), end);

        Assert.That(signal(0, frame).Nanoamperes, Is.EqualTo(expectedSample * 100.0).Within(1e-9));
    }

    [Test]
    public void VoltageSignal_ReadsRowMajorChannelsFromFirstChannel()
    {
        var recording = new Recording(RecordingKind.Voltage, 4_000_000, 2, 4, Grid(1.0));
        var signal = RecordingSignals.Voltage(recording, firstChannel: 2, channelCount: 4);

        Assert.That(signal(0, 1).Volts, Is.EqualTo(102.0));
        Assert.That(signal(3, 2).Volts, Is.EqualTo(211.0));
    }

    [Test]
    public void WhenOpenBciRecordingDrivesAnAds131m08_ChannelsAreTheFileVoltages()
    {
        var recording = OpenBciCsvImporter.Import(TestFiles.OpenBciPath);
        var signal = RecordingSignals.Voltage(recording);

        Assert.That(signal(0, 0).Microvolts, Is.EqualTo(61379.36).Within(1e-6));
        Assert.That(signal(7, 1).Microvolts, Is.EqualTo(2118.70).Within(1e-6));
    }

    [Test]
    public void WhenRecordingDoesNotCoverTheModuleOrKindIsWrong_AdapterIsRefused()
    {
        var current = new Recording(RecordingKind.Current, 1_000_000, 2, 4, Grid(1e-9));
        var voltage = new Recording(RecordingKind.Voltage, 1_000_000, 2, 4, Grid(1.0));

        Assert.Throws<ArgumentException>(() => RecordingSignals.Current(current, new ModuleGeometry(0, 0, 3, 2, 2)));
        Assert.Throws<ArgumentException>(() => RecordingSignals.Current(voltage, new ModuleGeometry(0, 0, 0, 2, 4)));
        Assert.Throws<ArgumentException>(() => RecordingSignals.Voltage(current));
        Assert.Throws<ArgumentException>(() => RecordingSignals.Voltage(voltage, firstChannel: 1, channelCount: 8));
    }
}

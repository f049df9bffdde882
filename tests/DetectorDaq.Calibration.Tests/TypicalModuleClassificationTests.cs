using DetectorDaq.Calibration.Constants;

namespace DetectorDaq.Calibration.Tests;

/// <summary>
/// The bad-channel classification on the HIL's typical production DDC264 module (pedestal and gain
/// spread, datasheet noise, side-B mismatch): nothing flagged on a healthy module, and every injected
/// defect flagged with its own bit and no other.
/// </summary>
public sealed class TypicalModuleClassificationTests
{
    private static readonly string[] Serials = Enumerable.Range(1, 100).Select(i => $"DDC-{i:D4}").ToArray();

    [Test]
    public void HealthyTypicalModules_HaveNoBadChannel()
    {
        var flagged = Serials
            .SelectMany(serial => Flagged(new TypicalModuleBench(serial).Calibrate()).Select(channel => $"{serial}:{channel}"))
            .ToArray();

        Assert.That(flagged, Is.Empty);
    }

    [TestCase("dead", BadChannelFlags.Dead)]
    [TestCase("stuck", BadChannelFlags.Stuck)]
    [TestCase("noisy", BadChannelFlags.NoiseOutOfRange)]
    [TestCase("nonlinear", BadChannelFlags.NonlinearResponse)]
    public void InjectedDefect_IsFlaggedWithItsOwnBitOnly(string kind, BadChannelFlags expected)
    {
        int[] channels = [3, 30, 61];
        foreach (var serial in Serials.Take(20))
        {
            var bench = new TypicalModuleBench(serial);
            foreach (var channel in channels)
            {
                Inject(bench.Defects, kind, channel);
            }

            var constants = bench.Calibrate();

            Assert.That(Flagged(constants), Is.EqualTo(channels), serial);
            Assert.That(channels.Select(channel => (BadChannelFlags)constants.BadChannels[channel] & ~BadChannelFlags.Interpolated), Is.All.EqualTo(expected), serial);
        }
    }

    private static void Inject(Hil.Chips.Ddc264.ChannelDefects defects, string kind, int channel)
    {
        switch (kind)
        {
            case "dead":
                defects.SetDead(channel);
                break;
            case "stuck":
                defects.SetStuck(channel, 4242);
                break;
            case "noisy":
                defects.SetNoisy(channel, 50);
                break;
            default:
                defects.SetNonlinear(channel, 0.01);
                break;
        }
    }

    private static int[] Flagged(CalibrationConstants constants) =>
        Enumerable.Range(0, constants.ChannelCount).Where(channel => constants.BadChannels[channel] != 0).ToArray();
}

using DetectorDaq.Drivers.Tests.Fpga;
using DetectorDaq.Firmware.Ddc264;
using DetectorDaq.Firmware.Fpga;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Drivers.Tests.Ddc264;

public sealed class Ddc264UnpackerTests
{
    [TestCase(Ddc264Format.Bits16, 16)]
    [TestCase(Ddc264Format.Bits20, 20)]
    public void AWalkingOne_LandsInTheSampleAndBitItWasSentAs(Ddc264Format format, int bits)
    {
        const int Chips = 2;
        var frame = new FifoFrame(Chips) { Chips = Chips, Format = format, PayloadWordCount = FifoFrame.PayloadWordsFor(Chips, format) };
        var samples = new int[Chips * 64];

        for (var position = 0; position < Chips * 64; position++)
        {
            for (var bit = 0; bit < bits; bit++)
            {
                Array.Clear(frame.Payload);
                var streamBit = (position * bits) + (bits - 1 - bit); // MSB first
                frame.Payload[streamBit / 32] = 0x80000000u >> (streamBit % 32);

                Ddc264Unpacker.Unpack(frame, samples);

                var channel = ExpectedModuleChannel(position);
                Assert.That(samples[channel], Is.EqualTo(1 << bit), $"stream position {position}, bit {bit}");
                Assert.That(samples.Count(value => value != 0), Is.EqualTo(1));
            }
        }
    }

    [TestCase(0, 63)]
    [TestCase(63, 0)]
    [TestCase(64, 127)]
    [TestCase(127, 64)]
    [TestCase(1023, 960)]
    public void StreamOrder_IsChipZeroFirstAndChannelsDescending(int position, int moduleChannel)
    {
        Assert.That(Ddc264Unpacker.ModuleChannelOf(position), Is.EqualTo(moduleChannel));
    }

    [TestCase(1, Ddc264Format.Bits20)]
    [TestCase(3, Ddc264Format.Bits20)]
    [TestCase(3, Ddc264Format.Bits16)]
    [TestCase(16, Ddc264Format.Bits16)]
    public void ChannelIndexPattern_UnpacksToModuleChannelNumbers(int chips, Ddc264Format format)
    {
        using var rig = new FpgaRig(chips);
        rig.Chain.SetTestPattern(TestPatternMode.ChannelIndex, 0);
        rig.Start(new Ddc264Configuration { Format = format });
        rig.Run(1);

        var samples = rig.NextSamples();

        Assert.That(rig.Frame.TestPattern, Is.True);
        Assert.That(samples, Is.EqualTo(Enumerable.Range(0, chips * 64)));
    }

    [Test]
    public void ConstantPattern_RepeatsTheSeed()
    {
        using var rig = new FpgaRig(2);
        rig.Chain.SetTestPattern(TestPatternMode.Constant, 0xABCDE);
        rig.Start(new Ddc264Configuration());
        rig.Run(1);

        Assert.That(rig.NextSamples(), Is.All.EqualTo(0xABCDE));
    }

    [Test]
    public void RampPattern_AddsChannelAndFrameToTheSeedModuloTheWordLength()
    {
        using var rig = new FpgaRig(2);
        rig.Chain.SetTestPattern(TestPatternMode.Ramp, 0xFFF0);
        rig.Start(new Ddc264Configuration { Format = Ddc264Format.Bits16 });
        rig.Run(2);

        rig.NextSamples();
        var second = rig.NextSamples();

        Assert.That(second, Is.EqualTo(Enumerable.Range(0, 128).Select(channel => (0xFFF0 + channel + 1) % 0x10000)));
    }

    [Test]
    public void Unpack_RejectsAFrameWhosePayloadDoesNotMatchItsChips()
    {
        var frame = new FifoFrame(2) { Chips = 2, Format = Ddc264Format.Bits20, PayloadWordCount = 40 };

        Assert.That(() => Ddc264Unpacker.Unpack(frame, new int[128]), Throws.ArgumentException);
    }

    // Written out here, independently of the unpacker: chip 0 first, IN64 first within a chip.
    private static int ExpectedModuleChannel(int position) => ((position / 64) * 64) + (63 - (position % 64));
}

using DetectorDaq.Firmware.Ads131m08;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Hil.Signals;
using UnitsNet;
using Adc = DetectorDaq.Firmware.Ads131m08.Ads131m08;

namespace DetectorDaq.Drivers.Tests.Ads131m08;

public sealed class Ads131m08DataTests
{
    private const double LsbVolts = 1.2 / 8388608.0;
    private const int TestSignalCode = 0x111111;

    [TestCase(0.5)]
    [TestCase(-0.75)]
    [TestCase(0.000123)]
    [TestCase(1.1999)]
    public void IdealChip_ReproducesADcVoltageWithinOneLsb(double volts)
    {
        using var bench = Bench.Constant(volts);

        var samples = bench.ReadOneFrame();

        foreach (var code in samples)
        {
            Assert.That(Adc.CodeToVolts(code, PgaGain.Gain1), Is.EqualTo(volts).Within(LsbVolts));
        }
    }

    [Test]
    public void FullScale_SaturatesAtTheCodeRangeEnds()
    {
        using var bench = new Bench((channel, _) => ElectricPotential.FromVolts(channel % 2 == 0 ? 2.0 : -2.0));

        var samples = bench.ReadOneFrame();

        Assert.That(samples[0], Is.EqualTo(0x7FFFFF));
        Assert.That(samples[1], Is.EqualTo(-0x800000));
    }

    [TestCase(PgaGain.Gain1)]
    [TestCase(PgaGain.Gain8)]
    [TestCase(PgaGain.Gain128)]
    public void DcTestSignals_GiveAbout0x111111AtAnyGain(PgaGain gain)
    {
        using var bench = Bench.Constant(0.9);
        bench.Driver.SetGain(0, gain);
        bench.Driver.SetGain(1, gain);
        bench.Driver.SetInputMux(0, InputMux.PositiveDcTest);
        bench.Driver.SetInputMux(1, InputMux.NegativeDcTest);
        bench.Driver.SetInputMux(2, InputMux.Shorted);

        var samples = bench.ReadOneFrame();

        Assert.That(samples[0], Is.EqualTo(TestSignalCode).Within(1));
        Assert.That(samples[1], Is.EqualTo(-TestSignalCode).Within(1));
        Assert.That(samples[2], Is.EqualTo(0));
    }

    [Test]
    public void Gain_ScalesTheCodeAndCodeToVoltsUndoesIt()
    {
        using var bench = Bench.Constant(0.01);
        bench.Driver.SetGain(0, PgaGain.Gain64);

        var samples = bench.ReadOneFrame();

        Assert.That(samples[0], Is.EqualTo((int)Math.Round(0.01 * 64 / LsbVolts)).Within(1));
        Assert.That(Adc.CodeToVolts(samples[0], PgaGain.Gain64), Is.EqualTo(0.01).Within(LsbVolts / 64));
    }

    [Test]
    public void OffsetThenGainCalibration_IsAppliedToTheConversion()
    {
        using var bench = Bench.Constant(0.6);
        var raw = bench.ReadOneFrame()[2];

        bench.Driver.SetOffsetCalibration(2, 1000);
        bench.Driver.SetGainCalibration(2, 0x400000);
        var calibrated = bench.ReadOneFrame()[2];

        Assert.That(calibrated, Is.EqualTo((raw - 1000) / 2).Within(1));
    }

    [Test]
    public void DisabledChannel_ReadsZeroInAFullLengthFrame()
    {
        using var bench = Bench.Constant(0.2);
        bench.Driver.SetChannelEnabled(4, false);

        var samples = new int[8];
        bench.Chip.Convert();
        Assert.That(bench.Driver.TryReadFrame(samples, out var status, 100), Is.True);

        Assert.That(samples[4], Is.EqualTo(0));
        Assert.That(samples[3], Is.Not.EqualTo(0));
        Assert.That(status.DataReadyChannels, Is.EqualTo(0xEF));
        Assert.That(status.IsChannelReady(4), Is.False);
    }

    [Test]
    public void AllWordLengths_GiveTheSameCodes_16BitKeepsTheMsbs()
    {
        using var bench = new Bench((channel, _) => ElectricPotential.FromVolts((channel - 3.5) * 0.1234567));
        var reference = bench.ReadOneFrame();

        foreach (var length in new[] { WordLength.Bits32ZeroPadded, WordLength.Bits32SignExtended, WordLength.Bits16 })
        {
            bench.Driver.SetWordLength(length);
            var samples = bench.ReadOneFrame();
            var expected = length == WordLength.Bits16 ? reference.Select(code => code & ~0xFF).ToArray() : reference;
            Assert.That(samples, Is.EqualTo(expected), length.ToString());
        }

        Assert.That(reference.Count(code => code < 0), Is.EqualTo(4));
    }

    [Test]
    public void DataReady_GoesLowOnConversionAndHighAfterTheFrameIsRead()
    {
        using var bench = Bench.Constant(0.1);
        Assert.That(bench.Chip.DataReady.Read(), Is.True);

        bench.Chip.Convert();
        Assert.That(bench.Chip.DataReady.Read(), Is.False);
        Assert.That(bench.Driver.ReadFrame(new int[8], 100).DataReadyChannels, Is.EqualTo(0xFF));

        Assert.That(bench.Chip.DataReady.Read(), Is.True);
    }

    [Test]
    public void WithoutConversion_TryReadFrameTimesOutAndReadFrameThrows()
    {
        using var bench = new Bench();

        Assert.That(bench.Driver.TryReadFrame(new int[8], out _, 20), Is.False);
        var error = Assert.Throws<Ads131m08Exception>(() => bench.Driver.ReadFrame(new int[8], 20));
        Assert.That(error!.Error, Is.EqualTo(Ads131m08Error.DataReadyTimeout));
        Assert.That(bench.Chip.FrameCount, Is.EqualTo(0));
    }

    [Test]
    public void ConversionFromAnotherThread_WakesAWaitingReader()
    {
        using var bench = Bench.Constant(0.25);
        var period = (long)(1e9 / bench.Chip.DataRateHertz);
        var producer = Task.Run(async () =>
        {
            await Task.Delay(50);
            bench.Chip.AdvanceTo(period);
        });

        var samples = new int[8];
        var read = bench.Driver.TryReadFrame(samples, out _, 5000);
        producer.Wait();

        Assert.That(read, Is.True);
        Assert.That(Adc.CodeToVolts(samples[0], PgaGain.Gain1), Is.EqualTo(0.25).Within(LsbVolts));
    }

    [Test]
    public void AdvanceTo_ConvertsAtClockOverTwiceOsr()
    {
        using var bench = new Bench();
        bench.Driver.SetOversamplingRatio(OversamplingRatio.Osr128);

        bench.Chip.AdvanceTo(1_000_000);

        Assert.That(bench.Chip.DataRateHertz, Is.EqualTo(32000));
        Assert.That(bench.Chip.ConversionCount, Is.EqualTo(32));
    }

    [Test]
    public void Standby_StopsConversionsUntilWakeUp()
    {
        using var bench = new Bench();
        bench.Driver.Standby();
        Assert.That(bench.Chip.IsInStandby, Is.True);

        bench.Chip.AdvanceTo(10_000_000);
        Assert.That(bench.Chip.ConversionCount, Is.EqualTo(0));
        Assert.That(bench.Driver.WaitForDataReady(1), Is.False);

        bench.Driver.WakeUp();
        bench.Chip.AdvanceTo(20_000_000);

        Assert.That(bench.Chip.IsInStandby, Is.False);
        Assert.That(bench.Chip.ConversionCount, Is.EqualTo(40));
        Assert.That(bench.Driver.WaitForDataReady(1), Is.True);
    }

    [Test]
    public void SampleIndex_IsTheConversionCount()
    {
        using var bench = new Bench((_, index) => ElectricPotential.FromMillivolts(index));

        bench.ReadOneFrame();
        bench.ReadOneFrame();
        var third = bench.ReadOneFrame();

        Assert.That(Adc.CodeToVolts(third[0], PgaGain.Gain1), Is.EqualTo(0.002).Within(LsbVolts));
    }

    [Test]
    public void NoisyTransferFunction_StaysNearTheIdealCode()
    {
        using var bench = new Bench((_, _) => ElectricPotential.FromVolts(0.3), new TransferFunction(OffsetCodes: 50, GainError: 0, IntegralNonlinearity: 0, NoiseRmsCodes: 2));

        var samples = bench.ReadOneFrame();

        Assert.That(samples[0], Is.EqualTo((int)Math.Round(0.3 / LsbVolts) + 50).Within(20));
    }
}

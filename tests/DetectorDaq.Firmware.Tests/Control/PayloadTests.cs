using DetectorDaq.Firmware.Control;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Firmware.Tests.Fakes;

namespace DetectorDaq.Firmware.Tests.Control;

public class PayloadTests
{
    private readonly byte[] _buffer = new byte[ControlMessageFormat.MaxPayload + 16];

    [Test]
    public void Configuration_RoundTripsEveryField()
    {
        var written = ControlClient.ValidConfiguration();
        written.Mtu = 9000;
        written.IntegrationPeriodNs = 123_456;
        written.FramesToAcquire = 0x0102030405060708;
        written.Encoding = SampleEncoding.Packed20;
        written.OversamplingRatio = OversamplingRatio.Osr4096;
        written.Gain = PgaGain.Gain32;
        written.ChannelEnableMask = 0x5A;
        written.WordLength = WordLength.Bits32SignExtended;
        written.ChainLength = 16;
        written.Range = Ddc264Range.Range50PicoCoulomb;
        written.Format = Ddc264Format.Bits16;
        written.TestPattern = TestPatternMode.Ramp;
        written.TestPatternSeed = 0xCAFEF00D;

        Assert.That(written.WriteTo(_buffer, 3), Is.EqualTo(ControllerConfiguration.Size));
        var read = new ControllerConfiguration();
        Assert.That(ControllerConfiguration.TryReadFrom(_buffer, 3, ControllerConfiguration.Size, read), Is.True);

        var copy = new ControllerConfiguration();
        copy.CopyFrom(read);
        var again = new byte[ControllerConfiguration.Size];
        copy.WriteTo(again, 0);
        Assert.That(again, Is.EqualTo(_buffer.Skip(3).Take(ControllerConfiguration.Size)));
        Assert.That(read.DestinationAddress, Is.EqualTo(new byte[] { 192, 168, 1, 10 }));
        Assert.That(read.FramesToAcquire, Is.EqualTo(0x0102030405060708UL));
        Assert.That(read.TestPatternSeed, Is.EqualTo(0xCAFEF00Du));
        Assert.That(read.Validate(), Is.EqualTo(ControlStatus.Ok));
    }

    [TestCase(36)]
    [TestCase(38)]
    public void Configuration_OfWrongLength_IsNotRead(int length) =>
        Assert.That(ControllerConfiguration.TryReadFrom(_buffer, 0, length, new ControllerConfiguration()), Is.False);

    [TestCase("Mtu", 575, "MTU must be 576..9000 bytes")]
    [TestCase("Mtu", 9001, "MTU must be 576..9000 bytes")]
    [TestCase("IntegrationPeriodNs", 999, "integration period must be at least 1000 ns")]
    [TestCase("Encoding", 0, "sample encoding must be 1..4")]
    [TestCase("Encoding", 5, "sample encoding must be 1..4")]
    [TestCase("OversamplingRatio", 8, "ADS131M08 oversampling ratio code must be 0..7")]
    [TestCase("Gain", 8, "ADS131M08 PGA gain code must be 0..7")]
    [TestCase("WordLength", 4, "ADS131M08 word length code must be 0..3")]
    [TestCase("ChainLength", 0, "DDC264 chain length must be 1..16")]
    [TestCase("ChainLength", 17, "DDC264 chain length must be 1..16")]
    [TestCase("Range", 4, "DDC264 range code must be 0..3")]
    [TestCase("Format", 2, "DDC264 format code must be 0..1")]
    [TestCase("TestPattern", 4, "test-pattern mode must be 0..3")]
    [TestCase("DestinationPort", 0, "destination port must be 1..65535")]
    public void Configuration_WithValueOutOfRange_IsInvalidWithReason(string property, int value, string reason)
    {
        var configuration = ControlClient.ValidConfiguration();
        var info = typeof(ControllerConfiguration).GetProperty(property)!;
        var target = info.PropertyType.IsEnum ? Enum.ToObject(info.PropertyType, value) : Convert.ChangeType(value, info.PropertyType);
        info.SetValue(configuration, target);

        Assert.That(configuration.Validate(), Is.EqualTo(ControlStatus.InvalidArgument));
        Assert.That(configuration.InvalidReason, Is.EqualTo(reason));
    }

    [Test]
    public void Configuration_WithoutDestination_IsInvalid()
    {
        var configuration = new ControllerConfiguration { DestinationPort = 1 };
        Assert.That(configuration.Validate(), Is.EqualTo(ControlStatus.InvalidArgument));
        Assert.That(configuration.InvalidReason, Is.EqualTo("destination address 0.0.0.0 is not a host"));
    }

    [Test]
    public void RegisterRequests_RoundTrip()
    {
        new RegisterReadRequest { Chip = ChipKind.Ddc264, ChipIndex = 3, Address = 0x0102, Count = 32 }.WriteTo(_buffer, 0);
        var read = new RegisterReadRequest();
        Assert.That(RegisterReadRequest.TryReadFrom(_buffer, 0, RegisterReadRequest.Size, read), Is.True);
        Assert.That((read.Chip, read.ChipIndex, read.Address, read.Count), Is.EqualTo((ChipKind.Ddc264, (byte)3, (ushort)0x0102, (ushort)32)));

        new RegisterWriteRequest { Chip = ChipKind.Fpga, ChipIndex = 0, Address = 0x0F, Value = 0x89ABCDEF }.WriteTo(_buffer, 0);
        var write = new RegisterWriteRequest();
        Assert.That(RegisterWriteRequest.TryReadFrom(_buffer, 0, RegisterWriteRequest.Size, write), Is.True);
        Assert.That((write.Chip, write.Address, write.Value), Is.EqualTo((ChipKind.Fpga, (ushort)0x0F, 0x89ABCDEFu)));
        Assert.That(RegisterWriteRequest.TryReadFrom(_buffer, 0, 7, write), Is.False);
    }

    [Test]
    public void RegisterReadResponse_RoundTripsUpTo32Values()
    {
        var response = new RegisterReadResponse();
        for (uint i = 0; i < 32; i++)
        {
            response.Add(0x1000_0000 + i);
        }

        Assert.That(() => response.Add(0), Throws.InvalidOperationException);
        var length = response.WriteTo(_buffer, 0);
        var read = new RegisterReadResponse();
        Assert.That(RegisterReadResponse.TryReadFrom(_buffer, 0, length, read), Is.True);
        Assert.That(read.Count, Is.EqualTo(32));
        Assert.That(read[31], Is.EqualTo(0x1000_001Fu));
        Assert.That(RegisterReadResponse.TryReadFrom(_buffer, 0, 6, read), Is.False);
    }

    [Test]
    public void ControllerInfo_RoundTrips()
    {
        var info = new ControllerInfo
        {
            FirmwareVersion = "1.0.0-rc1", BoardName = "DDAQ-CTRL rev B", SerialNumber = "SN-000123",
            HasAds131m08 = true, Ddc264ChainLength = 8, FpgaId = 0x44444146, FpgaVersion = 0x00020003, MaxMtu = 9000,
        };
        var length = info.WriteTo(_buffer, 0);
        var read = new ControllerInfo();
        Assert.That(ControllerInfo.TryReadFrom(_buffer, 0, length, read), Is.True);
        Assert.That(
            (read.FirmwareVersion, read.BoardName, read.SerialNumber, read.HasAds131m08, read.Ddc264ChainLength, read.FpgaId, read.FpgaVersion, read.MaxMtu),
            Is.EqualTo(("1.0.0-rc1", "DDAQ-CTRL rev B", "SN-000123", true, (byte)8, 0x44444146u, 0x00020003u, (ushort)9000)));
        Assert.That(ControllerInfo.TryReadFrom(_buffer, 0, length - 1, read), Is.False);
    }

    [TestCase("this board name is far longer than thirty-two characters")]
    [TestCase("tab\there")]
    [TestCase("Grüße")]
    public void ControllerInfo_RefusesTextThatIsNotShortPrintableAscii(string text) =>
        Assert.That(() => new ControllerInfo { BoardName = text }, Throws.ArgumentException);

    [Test]
    public void SelfTestReport_RoundTripsAFullReportWithinMaxPayload()
    {
        var report = new SelfTestReport();
        for (var i = 0; i < SelfTestReport.MaxChecks; i++)
        {
            report.Add(new string('N', SelfTestReport.MaxNameLength), i != 5, new string('d', SelfTestReport.MaxDetailLength));
        }

        var length = report.WriteTo(_buffer, 0);
        Assert.That(length, Is.EqualTo(SelfTestReport.MaxSize));
        Assert.That(length, Is.LessThanOrEqualTo(ControlMessageFormat.MaxPayload));
        var read = new SelfTestReport();
        Assert.That(SelfTestReport.TryReadFrom(_buffer, 0, length, read), Is.True);
        Assert.That(read.Count, Is.EqualTo(32));
        Assert.That(read.AllPassed, Is.False);
        Assert.That(read[5].Passed, Is.False);
        Assert.That(read[6].Passed, Is.True);
        Assert.That(read[6].Name, Is.EqualTo(new string('N', 40)));
        Assert.That(() => report.Add("one too many", true, ""), Throws.InvalidOperationException);
    }

    [Test]
    public void SelfTestReport_RefusesOverlongNames()
    {
        var report = new SelfTestReport();
        Assert.That(() => report.Add(new string('x', 41), true, ""), Throws.ArgumentException);
        Assert.That(() => report.Add("x", true, new string('x', 81)), Throws.ArgumentException);
        Assert.That(report.Count, Is.Zero);
        Assert.That(report.AllPassed, Is.True);
    }

    [Test]
    public void Housekeeping_RoundTripsIncludingNegativeTemperature()
    {
        var housekeeping = new Housekeeping
        {
            State = ControllerState.Fault, FramesSent = ulong.MaxValue - 1, PacketsSent = 3, FifoOverflows = 4,
            FramesDropped = 5, BoardTemperatureMilliCelsius = -40_000, LastError = "DDC264 chip 2 did not answer",
        };
        var length = housekeeping.WriteTo(_buffer, 0);
        var read = new Housekeeping();
        Assert.That(Housekeeping.TryReadFrom(_buffer, 0, length, read), Is.True);
        Assert.That(
            (read.State, read.FramesSent, read.PacketsSent, read.FifoOverflows, read.FramesDropped, read.BoardTemperatureMilliCelsius, read.LastError),
            Is.EqualTo((ControllerState.Fault, ulong.MaxValue - 1, 3UL, 4u, 5u, -40_000, "DDC264 chip 2 did not answer")));
    }
}

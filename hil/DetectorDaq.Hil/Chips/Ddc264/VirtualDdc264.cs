using DetectorDaq.Firmware.Ddc264;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Firmware.Net.Units;
using DetectorDaq.Hil.Signals;
using UnitsNet;

namespace DetectorDaq.Hil.Chips.Ddc264;

/// <summary>
/// One TI DDC264 at pin level (SBAS368): the 16-bit configuration shift register on DIN_CFG/CLK_CFG,
/// the read-back sequence and the conversion data on DOUT, and 64 dual switched integrators whose
/// sides A and B each have their own <see cref="TransferFunction"/>.
/// </summary>
/// <remarks>
/// Modelling choices where the datasheet was not available (chips.md, UNCONFIRMED):
/// revision ID 0x1; the check pattern is 0x2A5 (<see cref="FpgaRegisters.DdcReadbackCheckValue"/>)
/// repeated to fill its 300 (16-bit format: 236) bits; codes are straight binary, 0 at zero charge;
/// TEST disconnects the inputs (zero charge); the first CONV after reset delivers side A; DIN_CFG
/// daisy-chains, the bit leaving this chip's register feeding the next chip's DIN_CFG.
/// </remarks>
public sealed class VirtualDdc264
{
    /// <summary>Inputs per chip.</summary>
    public const int Channels = 64;

    /// <summary>Revision ID this model reports (the real value is unconfirmed).</summary>
    public const int RevisionId = 0x1;

    private const int CheckPatternBits = 10;

    private readonly CurrentSignal _signal;
    private readonly int _firstModuleChannel;
    private readonly TransferFunction _sideA;
    private readonly TransferFunction _sideB;
    private readonly Random _noiseA;
    private readonly Random _noiseB;
    private readonly int[] _codes = new int[Channels];
    private readonly TransferFunction[] _defectiveA = new TransferFunction[Channels];
    private readonly TransferFunction[] _defectiveB = new TransferFunction[Channels];
    private ChannelDefects? _cachedDefects;
    private int _cachedVersion;
    private ushort _shiftRegister;

    /// <summary>
    /// Creates a chip whose input n carries <paramref name="signal"/> of module channel
    /// <paramref name="firstModuleChannel"/> + n, converted by <paramref name="sideA"/> or <paramref name="sideB"/>.
    /// </summary>
    public VirtualDdc264(CurrentSignal signal, int firstModuleChannel, TransferFunction sideA, TransferFunction sideB)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(sideA);
        ArgumentNullException.ThrowIfNull(sideB);
        _signal = signal;
        _firstModuleChannel = firstModuleChannel;
        _sideA = sideA;
        _sideB = sideB;
        // Not HashCode.Combine: its per-process random seed would make runs unrepeatable.
        _noiseA = new Random(NoiseSeed(sideA.Seed, firstModuleChannel, 0));
        _noiseB = new Random(NoiseSeed(sideB.Seed, firstModuleChannel, 1));
    }

    /// <summary>Fault: the chip never raises DVALID and keeps DOUT low.</summary>
    public bool NotAnswering { get; set; }

    /// <summary>Fault: bits flipped in the latched configuration (a corrupted configuration latch).</summary>
    public ushort ConfigurationCorruption { get; set; }

    /// <summary>Per-channel and module-wide defects (indexed by module channel) applied at conversion; null for none.</summary>
    public ChannelDefects? Defects { get; set; }

    /// <summary>RESET pin held low.</summary>
    public bool InReset { get; private set; }

    /// <summary>Configuration in effect: the shift register, with <see cref="ConfigurationCorruption"/> applied.</summary>
    public ushort Configuration => (ushort)(_shiftRegister ^ ConfigurationCorruption);

    /// <summary>Side integrating now; the other one is converted at the next CONV.</summary>
    public IntegratorSide IntegratingSide { get; private set; }

    /// <summary>Side whose result <see cref="WriteDout"/> sends.</summary>
    public IntegratorSide ConvertedSide { get; private set; }

    /// <summary>Codes of the last conversion, by channel (IN1 = index 0).</summary>
    public ReadOnlySpan<int> Codes => _codes;

    /// <summary>Output word length from the configuration.</summary>
    public Ddc264Format Format => (Configuration & Ddc264Registers.ConfigFormatMask) != 0 ? Ddc264Format.Bits20 : Ddc264Format.Bits16;

    /// <summary>Bits per sample: 16 or 20.</summary>
    public int SampleBits => BitsOf(Format);

    /// <summary>Full-scale charge of the configured range: 12.5, 50, 100 or 150 pC.</summary>
    public ElectricCharge FullScale => Ddc264Quantities.FullScale((Ddc264Range)((Configuration & Ddc264Registers.ConfigRangeMask) >> Ddc264Registers.ConfigRangeShift));

    /// <summary>Drives RESET: low (<paramref name="asserted"/>) clears the configuration and the integrators; side A integrates next.</summary>
    public void SetReset(bool asserted)
    {
        InReset = asserted;
        if (asserted)
        {
            _shiftRegister = 0;
            IntegratingSide = IntegratorSide.A;
            ConvertedSide = IntegratorSide.A;
            Array.Clear(_codes);
        }
    }

    /// <summary>
    /// One CLK_CFG rising edge with <paramref name="dataIn"/> on DIN_CFG, MSB first; returns the bit that
    /// leaves the register towards the next chip. Ignored while in reset.
    /// </summary>
    public bool ClockConfigurationBit(bool dataIn)
    {
        if (InReset)
        {
            return false;
        }

        var dataOut = (_shiftRegister & 0x8000) != 0;
        _shiftRegister = (ushort)((_shiftRegister << 1) | (dataIn ? 1 : 0));
        return dataOut;
    }

    /// <summary>
    /// A CONV toggle after <paramref name="integrationNanoseconds"/> of integration: the integrating side
    /// stops and is converted (charge = current × period), the other side starts integrating.
    /// </summary>
    public void Convert(long frameIndex, long integrationNanoseconds)
    {
        var side = IntegratingSide;
        var transfer = side == IntegratorSide.A ? _sideA : _sideB;
        var noise = side == IntegratorSide.A ? _noiseA : _noiseB;
        var maximum = (1L << SampleBits) - 1;
        var testMode = (Configuration & Ddc264Registers.ConfigTestMask) != 0;
        var seconds = integrationNanoseconds * 1e-9;
        var fullScale = FullScale.Coulombs;
        var defects = Defects;
        var effective = defects is null ? null : EffectiveTransfers(defects, side);
        for (var channel = 0; channel < Channels; channel++)
        {
            var moduleChannel = _firstModuleChannel + channel;
            var defective = effective is not null && moduleChannel < defects!.ChannelCount;
            if (defective && defects!.TryGetStuckCode(moduleChannel, out var stuck))
            {
                _codes[channel] = (int)Math.Min(stuck, maximum);
                continue;
            }

            var dark = testMode || (defective && defects!.IsDead(moduleChannel));
            var charge = dark ? 0.0 : _signal(moduleChannel, frameIndex).Amperes * seconds;
            var channelTransfer = defective ? effective![channel] : transfer;
            _codes[channel] = (int)channelTransfer.Convert(charge / fullScale, 0, maximum, bipolar: false, noise);
        }

        ConvertedSide = side;
        IntegratingSide = side == IntegratorSide.A ? IntegratorSide.B : IntegratorSide.A;
    }

    private static int NoiseSeed(int seed, int firstModuleChannel, int side) =>
        unchecked((seed * 1_000_003) + (firstModuleChannel * 2) + side);

    private TransferFunction[] EffectiveTransfers(ChannelDefects defects, IntegratorSide side)
    {
        // Rebuilt only when the defects change, so conversions do not allocate.
        var version = defects.Version;
        if (!ReferenceEquals(defects, _cachedDefects) || version != _cachedVersion)
        {
            for (var channel = 0; channel < Channels; channel++)
            {
                var moduleChannel = Math.Min(_firstModuleChannel + channel, defects.ChannelCount - 1);
                _defectiveA[channel] = defects.Effective(moduleChannel, sideB: false, _sideA);
                _defectiveB[channel] = defects.Effective(moduleChannel, sideB: true, _sideB);
            }

            _cachedDefects = defects;
            _cachedVersion = version;
        }

        return side == IntegratorSide.A ? _defectiveA : _defectiveB;
    }

    /// <summary>Shifts the last conversion out on DOUT: 64 samples, MSB first, in chip output order.</summary>
    public void WriteDout(DoutBitStream dout)
    {
        ArgumentNullException.ThrowIfNull(dout);
        if (NotAnswering)
        {
            dout.WriteZeros(Channels * SampleBits);
            return;
        }

        WriteInOutputOrder(dout, _codes, SampleBits);
    }

    /// <summary>
    /// Shifts the configuration read-back out on DOUT (SBAS368 §8.5.2 Table 9): 320 zeros (16-bit: 256),
    /// the configuration word, the 4-bit revision ID and the check pattern, the whole sequence twice.
    /// </summary>
    public void WriteReadBack(DoutBitStream dout)
    {
        ArgumentNullException.ThrowIfNull(dout);
        var half = ReadBackBitsOf(Format) / 2;
        if (NotAnswering || InReset)
        {
            dout.WriteZeros(2 * half);
            return;
        }

        var zeros = LeadingZerosOf(Format);
        var checkBits = half - zeros - 16 - 4;
        for (var copy = 0; copy < 2; copy++)
        {
            dout.WriteZeros(zeros);
            dout.Write(Configuration, 16);
            dout.Write(RevisionId, 4);
            for (var bit = 0; bit < checkBits; bit++)
            {
                var patternBit = (FpgaRegisters.DdcReadbackCheckValue >> (CheckPatternBits - 1 - (bit % CheckPatternBits))) & 1;
                dout.Write(patternBit, 1);
            }
        }
    }

    /// <summary>
    /// Writes 64 codes (by channel, IN1 first in <paramref name="codesByChannel"/>) in the order the chip
    /// sends them: IN64 first, descending (UNCONFIRMED; SBA-Library DDC264.vhd, sibling DDC114).
    /// </summary>
    public static void WriteInOutputOrder(DoutBitStream dout, ReadOnlySpan<int> codesByChannel, int bits)
    {
        ArgumentNullException.ThrowIfNull(dout);
        for (var channel = Channels - 1; channel >= 0; channel--)
        {
            dout.Write((uint)codesByChannel[channel], bits);
        }
    }

    /// <summary>Bits per sample of <paramref name="format"/>.</summary>
    public static int BitsOf(Ddc264Format format) => format == Ddc264Format.Bits20 ? 20 : 16;

    /// <summary>Read-back length of one chip: 1280 bits (20-bit format) or 1024 (16-bit), the same as one conversion.</summary>
    public static int ReadBackBitsOf(Ddc264Format format) => Channels * BitsOf(format);

    /// <summary>Leading zeros of each read-back copy: 320 (20-bit format) or 256 (16-bit).</summary>
    public static int LeadingZerosOf(Ddc264Format format) => format == Ddc264Format.Bits20 ? 320 : 256;
}

using DetectorDaq.Hil.Chips;
using System.Device.Spi;
using DetectorDaq.Firmware.Ddc264;
using DetectorDaq.Firmware.Fpga;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Hil.Chips.Ddc264;
using DetectorDaq.Hil.Signals;

namespace DetectorDaq.Hil.Fpga;

/// <summary>
/// The DetectorDAQ acquisition FPGA (fpga.yaml) as an SPI device: every register bit for bit, the FIFO
/// with its frame format (fifo-frame.yaml), the test-pattern generator, and a daisy chain of
/// <see cref="VirtualDdc264"/> behind it, driven at bit level (CLK_CFG/DIN_CFG shift, DOUT read-back).
/// </summary>
/// <remarks>
/// <para>Time is explicit: <see cref="AdvanceTo"/> generates every CONV whose time has come while
/// CONTROL.RUN is set, one frame per integration period, so runs are deterministic. Configuration
/// shifts and read-backs finish within the SPI write that starts them, so STATUS.DDC_BUSY reads 0
/// unless <see cref="DdcBusyStuck"/> is set.</para>
/// <para>SPI (fpga.yaml <c>spi:</c>): byte 0 = read flag (bit 7) | address; a write sends 4 bytes
/// big-endian (shorter writes are dropped); a read answers 4 bytes big-endian. FIFO_DATA and
/// DDC_READBACK continue one word per 4 bytes while chip select stays low; other registers shift
/// zeros after their first word. A FIFO word is popped when its first byte is clocked.
/// DDC_READBACK returns chip 0, 1, … on successive words and wraps; DDC_READBACK action restarts it at chip 0.</para>
/// </remarks>
public sealed class VirtualFpga : SpiDevice
{
    private const int ReadFlag = 0x80;
    private const int AddressMask = 0x7F;
    private const int HeaderWords = FifoFrameFormat.Size / 4;

    private readonly Lock _sync = new();
    private readonly VirtualDdc264[] _chips;
    private readonly uint[] _fifo;
    private readonly uint[] _readBack = new uint[FifoFrame.MaxChips];
    private readonly int[] _patternCodes = new int[VirtualDdc264.Channels];
    private readonly DoutBitStream _dout = new(FifoFrame.MaxChips * VirtualDdc264.Channels * 20);
    private readonly SpiConnectionSettings _settings = new(0, 0) { Mode = SpiMode.Mode0, ClockFrequency = 10_000_000, DataFlow = DataFlow.MsbFirst };

    private int _fifoHead;
    private int _fifoCount;
    private uint _control;
    private uint _integrationPeriod = FpgaRegisters.IntegrationPeriodReset;
    private uint _chainLength = FpgaRegisters.ChainLengthReset;
    private uint _ddcConfig = FpgaRegisters.DdcConfigReset;
    private uint _testPattern = FpgaRegisters.TestPatternReset;
    private uint _scratch = FpgaRegisters.ScratchReset;
    private bool _fifoOverflow;
    private bool _dvalidTimeout;
    private bool _readBackValid;
    private bool _overflowPending;
    private int _readBackIndex;
    private ulong _frameCounter;
    private uint _frameCounterHighLatch;
    private uint _timestampHighLatch;
    private long _now;
    private long _timestampZero;
    private long _nextConversion;
    private bool _convHigh;

    /// <summary>
    /// Creates the FPGA with <paramref name="chips"/> DDC264 (1 to 16) whose module channel chip × 64 + n
    /// carries <paramref name="signal"/>; sides A and B convert through <paramref name="sideA"/> and
    /// <paramref name="sideB"/> (ideal when null). The FIFO holds <paramref name="fifoCapacityWords"/> words.
    /// </summary>
    public VirtualFpga(int chips, CurrentSignal signal, TransferFunction? sideA = null, TransferFunction? sideB = null, int fifoCapacityWords = 1 << 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chips, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(chips, FifoFrame.MaxChips);
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentOutOfRangeException.ThrowIfLessThan(fifoCapacityWords, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fifoCapacityWords, (int)FpgaRegisters.FifoLevelWordsMask);
        _chips = new VirtualDdc264[chips];
        for (var chip = 0; chip < chips; chip++)
        {
            _chips[chip] = new VirtualDdc264(signal, chip * VirtualDdc264.Channels, sideA ?? TransferFunction.Ideal, sideB ?? TransferFunction.Ideal);
        }

        _fifo = new uint[fifoCapacityWords];
    }

    /// <summary>The chips of the chain; index 0 is nearest the FPGA (its DOUT drives the FPGA).</summary>
    public IReadOnlyList<VirtualDdc264> Chips => _chips;

    /// <summary>
    /// Defects of the module's channels (module channel = chip × 64 + input), applied by every chip of
    /// the chain when it converts; null for none. A <see cref="Controller.SimulatedController"/> takes them through its <c>Fpga</c>.
    /// </summary>
    public ChannelDefects? Defects
    {
        get => _chips[0].Defects;
        set
        {
            foreach (var chip in _chips)
            {
                chip.Defects = value;
            }
        }
    }

    /// <summary>FPGA time in ns.</summary>
    public long NowNanoseconds
    {
        get
        {
            lock (_sync)
            {
                return _now;
            }
        }
    }

    /// <summary>Words waiting in the FIFO.</summary>
    public int FifoLevel
    {
        get
        {
            lock (_sync)
            {
                return _fifoCount;
            }
        }
    }

    /// <summary>FIFO capacity in words.</summary>
    public int FifoCapacity => _fifo.Length;

    /// <summary>Fault: the FPGA does not answer; transfers are ignored and MISO reads stuck.</summary>
    public MisoFault MisoFault { get; set; }

    /// <summary>Fault: STATUS.DDC_BUSY stays 1 and configuration shifts and read-backs never finish.</summary>
    public bool DdcBusyStuck { get; set; }

    /// <inheritdoc />
    public override SpiConnectionSettings ConnectionSettings => _settings;

    /// <summary>Moves FPGA time to <paramref name="nanoseconds"/>, converting at every CONV due on the way while RUN is set.</summary>
    public void AdvanceTo(long nanoseconds)
    {
        lock (_sync)
        {
            while (IsRunning && _integrationPeriod > 0 && _nextConversion <= nanoseconds)
            {
                _now = _nextConversion;
                Conversion();
                _nextConversion = _now + _integrationPeriod;
            }

            _now = Math.Max(_now, nanoseconds);
        }
    }

    /// <summary>Toggles CONV now, whether or not RUN is set, and pushes the frame.</summary>
    public void ConvertNow()
    {
        lock (_sync)
        {
            Conversion();
        }
    }

    /// <summary>Pushes raw words into the FIFO as if the FPGA had written them (corruption injection).</summary>
    public void InjectFifoWords(ReadOnlySpan<uint> words)
    {
        lock (_sync)
        {
            foreach (var word in words)
            {
                if (_fifoCount == _fifo.Length)
                {
                    _fifoOverflow = true;
                    return;
                }

                PushWord(word);
            }
        }
    }

    /// <inheritdoc />
    public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        if (writeBuffer.Length != readBuffer.Length)
        {
            throw new ArgumentException($"Write ({writeBuffer.Length} bytes) and read ({readBuffer.Length} bytes) buffers differ in length.", nameof(readBuffer));
        }

        Transfer(writeBuffer, readBuffer);
    }

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer) => Transfer(buffer, Span<byte>.Empty);

    /// <inheritdoc />
    public override void Read(Span<byte> buffer)
    {
        // MOSI idles low, so a bare read addresses ID (0x00) as a write, which ID ignores.
        var zeros = new byte[buffer.Length];
        Transfer(zeros, buffer);
    }

    private bool IsRunning => (_control & FpgaRegisters.ControlRunMask) != 0;

    private int ActiveChips => (int)(_chainLength & FpgaRegisters.ChainLengthChipsMask);

    private bool Format20 => (_ddcConfig & Ddc264Registers.ConfigFormatMask) != 0;

    private void Transfer(ReadOnlySpan<byte> write, Span<byte> read)
    {
        lock (_sync)
        {
            if (MisoFault != MisoFault.None)
            {
                read.Fill(MisoFault == MisoFault.StuckHigh ? (byte)0xFF : (byte)0x00);
                return;
            }

            read.Clear();
            if (write.Length == 0)
            {
                return;
            }

            var address = write[0] & AddressMask;
            if ((write[0] & ReadFlag) == 0)
            {
                if (write.Length >= 5)
                {
                    WriteRegister(address, (uint)((write[1] << 24) | (write[2] << 16) | (write[3] << 8) | write[4]));
                }

                return;
            }

            for (var start = 1; start < write.Length; start += 4)
            {
                var first = start == 1;
                var value = first || IsBurstAddress(address) ? ReadRegister(address) : 0u;
                for (var index = 0; index < 4 && start + index < read.Length; index++)
                {
                    read[start + index] = (byte)(value >> (24 - (8 * index)));
                }
            }
        }
    }

    private static bool IsBurstAddress(int address) =>
        address == FpgaRegisters.FifoDataAddress || address == FpgaRegisters.DdcReadbackAddress;

    private uint ReadRegister(int address)
    {
        switch (address)
        {
            case FpgaRegisters.IdAddress: return FpgaRegisters.IdReset;
            case FpgaRegisters.VersionAddress: return FpgaRegisters.VersionReset;
            case FpgaRegisters.ControlAddress: return _control;
            case FpgaRegisters.StatusAddress: return Status();
            case FpgaRegisters.FifoLevelAddress: return (uint)_fifoCount;
            case FpgaRegisters.FifoDataAddress: return _fifoCount == 0 ? 0u : PopWord();
            case FpgaRegisters.IntegrationPeriodAddress: return _integrationPeriod;
            case FpgaRegisters.ChainLengthAddress: return _chainLength;
            case FpgaRegisters.DdcConfigAddress: return _ddcConfig;
            case FpgaRegisters.DdcReadbackAddress: return NextReadBackWord();
            case FpgaRegisters.TestPatternAddress: return _testPattern;
            case FpgaRegisters.FrameCounterLowAddress:
                _frameCounterHighLatch = (uint)(_frameCounter >> 32);
                return (uint)_frameCounter;
            case FpgaRegisters.FrameCounterHighAddress: return _frameCounterHighLatch;
            case FpgaRegisters.TimestampLowAddress:
                var timestamp = (ulong)(_now - _timestampZero);
                _timestampHighLatch = (uint)(timestamp >> 32);
                return (uint)timestamp;
            case FpgaRegisters.TimestampHighAddress: return _timestampHighLatch;
            case FpgaRegisters.ScratchAddress: return _scratch;
            default: return 0;
        }
    }

    private void WriteRegister(int address, uint value)
    {
        if (!FpgaRegisters.IsDefined(address))
        {
            return;
        }

        value &= FpgaRegisters.WritableMask(address);
        switch (address)
        {
            case FpgaRegisters.ControlAddress: WriteControl(value); break;
            case FpgaRegisters.IntegrationPeriodAddress: _integrationPeriod = value; break;
            case FpgaRegisters.ChainLengthAddress: _chainLength = value; break;
            case FpgaRegisters.DdcConfigAddress: _ddcConfig = value; break;
            case FpgaRegisters.TestPatternAddress: _testPattern = value; break;
            case FpgaRegisters.ScratchAddress: _scratch = value; break;
        }
    }

    private void WriteControl(uint value)
    {
        if ((value & FpgaRegisters.ControlFifoClearMask) != 0)
        {
            _fifoHead = 0;
            _fifoCount = 0;
            _fifoOverflow = false;
            _dvalidTimeout = false;
            _overflowPending = false;
        }

        if ((value & FpgaRegisters.ControlFrameCounterClearMask) != 0)
        {
            _frameCounter = 0;
            _timestampZero = _now;
        }

        var reset = (value & FpgaRegisters.ControlDdcResetMask) != 0;
        foreach (var chip in _chips)
        {
            chip.SetReset(reset);
        }

        if (reset)
        {
            _convHigh = false;
            _readBackValid = false;
        }

        if ((value & FpgaRegisters.ControlDdcConfigureMask) != 0 && !DdcBusyStuck)
        {
            ShiftConfiguration();
        }

        if ((value & FpgaRegisters.ControlDdcReadbackMask) != 0 && !DdcBusyStuck)
        {
            ReadBackChain();
        }

        var wasRunning = IsRunning;
        _control = value & (FpgaRegisters.ControlRunMask | FpgaRegisters.ControlDdcResetMask);
        if (IsRunning && !wasRunning)
        {
            _nextConversion = _now + _integrationPeriod;
        }
    }

    private uint Status()
    {
        var status = 0u;
        status |= IsRunning ? FpgaRegisters.StatusRunningMask : 0;
        status |= _fifoCount == 0 ? FpgaRegisters.StatusFifoEmptyMask : 0;
        status |= _fifoOverflow ? FpgaRegisters.StatusFifoOverflowMask : 0;
        status |= DdcBusyStuck ? FpgaRegisters.StatusDdcBusyMask : 0;
        status |= _dvalidTimeout ? FpgaRegisters.StatusDvalidTimeoutMask : 0;
        status |= _readBackValid ? FpgaRegisters.StatusReadbackValidMask : 0;
        return status;
    }

    // CLK_CFG/DIN_CFG: the word goes out MSB first once per chip of the chain, each chip's register
    // passing its oldest bit on to the next chip, so after chips × 16 clocks every chip holds it.
    private void ShiftConfiguration()
    {
        var word = (ushort)(_ddcConfig & FpgaRegisters.DdcConfigWordMask);
        var clocks = ActiveChips * 16;
        for (var clock = 0; clock < clocks; clock++)
        {
            var bit = ((word >> (15 - (clock % 16))) & 1) != 0;
            foreach (var chip in _chips)
            {
                bit = chip.ClockConfigurationBit(bit);
            }
        }

        _readBackValid = false;
    }

    // DCLK/DOUT: the chain sends chip 0's read-back first, then what chip 0 passes on from chip 1, …
    // Per chip the FPGA checks the leading zeros and the equality of both copies, and keeps the word,
    // revision and the first 10 check-pattern bits (fpga.yaml DDC_READBACK).
    private void ReadBackChain()
    {
        var format = Format20 ? Ddc264Format.Bits20 : Ddc264Format.Bits16;
        var bitsPerChip = VirtualDdc264.ReadBackBitsOf(format);
        var zeros = VirtualDdc264.LeadingZerosOf(format);
        var chips = Math.Min(ActiveChips, FifoFrame.MaxChips);
        ClockChainOut(chips, chip => chip.WriteReadBack(_dout));
        for (var chip = 0; chip < chips; chip++)
        {
            var start = chip * bitsPerChip;
            var half = bitsPerChip / 2;
            var zerosOk = true;
            for (var bit = 0; bit < zeros && zerosOk; bit += 32)
            {
                zerosOk = _dout.Read(start + bit, Math.Min(32, zeros - bit)) == 0;
            }

            var repeatOk = true;
            for (var bit = 0; bit < half && repeatOk; bit += 32)
            {
                var length = Math.Min(32, half - bit);
                repeatOk = _dout.Read(start + bit, length) == _dout.Read(start + half + bit, length);
            }

            var config = _dout.Read(start + zeros, 16);
            var revision = _dout.Read(start + zeros + 16, 4);
            var check = _dout.Read(start + zeros + 20, 10);
            _readBack[chip] = (repeatOk ? FpgaRegisters.DdcReadbackRepeatOkMask : 0)
                | (zerosOk ? FpgaRegisters.DdcReadbackZerosOkMask : 0)
                | (check << FpgaRegisters.DdcReadbackCheckShift)
                | (revision << FpgaRegisters.DdcReadbackRevisionShift)
                | config;
        }

        _readBackIndex = 0;
        _readBackValid = chips > 0;
    }

    // The chain's DOUT for one transfer of `chips` chips. Chips missing from the chain (CHAIN_LENGTH
    // larger than the board) leave DOUT low; a chip that does not answer cuts off the chips behind it.
    private void ClockChainOut(int chips, Action<VirtualDdc264> writeOwnBits)
    {
        _dout.Clear();
        for (var chip = 0; chip < chips; chip++)
        {
            if (chip >= _chips.Length || _chips[chip].NotAnswering)
            {
                break;
            }

            writeOwnBits(_chips[chip]);
        }
    }

    private uint NextReadBackWord()
    {
        var chips = Math.Min(ActiveChips, FifoFrame.MaxChips);
        if (!_readBackValid || chips == 0)
        {
            return 0;
        }

        var word = _readBack[_readBackIndex % chips];
        _readBackIndex = (_readBackIndex + 1) % chips;
        return word;
    }

    // One CONV toggle: every chip converts the side that stopped integrating; with DVALID from the
    // whole chain the FPGA clocks chips × 64 samples out of DOUT and pushes a frame.
    private void Conversion()
    {
        var integration = (long)_integrationPeriod;
        foreach (var chip in _chips)
        {
            chip.Convert((long)_frameCounter, integration);
        }

        var sideB = _convHigh;
        _convHigh = !_convHigh;
        var chips = ActiveChips;
        var dvalid = chips >= 1 && chips <= _chips.Length;
        for (var chip = 0; dvalid && chip < chips; chip++)
        {
            dvalid = !_chips[chip].NotAnswering && !_chips[chip].InReset;
        }

        if (!dvalid)
        {
            _dvalidTimeout = true;
            return;
        }

        var format = Format20 ? Ddc264Format.Bits20 : Ddc264Format.Bits16;
        var mode = (TestPatternMode)((_testPattern & FpgaRegisters.TestPatternModeMask) >> FpgaRegisters.TestPatternModeShift);
        if (mode == TestPatternMode.Off)
        {
            ClockChainOut(chips, chip => chip.WriteDout(_dout));
        }
        else
        {
            WriteTestPattern(mode, chips, VirtualDdc264.BitsOf(format));
        }

        PushFrame(sideB, mode != TestPatternMode.Off, format, chips);
        _frameCounter++;
    }

    private void WriteTestPattern(TestPatternMode mode, int chips, int bits)
    {
        var seed = (long)((_testPattern & FpgaRegisters.TestPatternSeedMask) >> FpgaRegisters.TestPatternSeedShift);
        var modulus = 1L << bits;
        _dout.Clear();
        for (var chip = 0; chip < chips; chip++)
        {
            for (var channel = 0; channel < VirtualDdc264.Channels; channel++)
            {
                var index = (chip * VirtualDdc264.Channels) + channel;
                var value = mode switch
                {
                    TestPatternMode.Constant => seed,
                    TestPatternMode.Ramp => seed + index + (long)(_frameCounter % (ulong)modulus),
                    _ => index,
                };
                _patternCodes[channel] = (int)(value % modulus);
            }

            VirtualDdc264.WriteInOutputOrder(_dout, _patternCodes, bits);
        }
    }

    private void PushFrame(bool sideB, bool testPattern, Ddc264Format format, int chips)
    {
        var bitsPerChip = VirtualDdc264.Channels * VirtualDdc264.BitsOf(format);
        var payloadWords = chips * bitsPerChip / 32;
        var frameWords = HeaderWords + payloadWords + FifoFrameFormat.TrailerWords;
        if (_fifo.Length - _fifoCount < frameWords)
        {
            _fifoOverflow = true;
            _overflowPending = true;
            return;
        }

        var sync = (FifoFrameFormat.SyncMagicValue << FifoFrameFormat.SyncMagicShift)
            | (sideB ? FifoFrameFormat.SyncSideBMask : 0)
            | (testPattern ? FifoFrameFormat.SyncTestPatternMask : 0)
            | (_overflowPending ? FifoFrameFormat.SyncOverflowMask : 0)
            | (format == Ddc264Format.Bits20 ? FifoFrameFormat.SyncFormat20bitMask : 0)
            | ((uint)chips << FifoFrameFormat.SyncChipsShift);
        var timestamp = (ulong)(_now - _timestampZero);
        PushWord(sync);
        PushWord((uint)_frameCounter);
        PushWord((uint)(_frameCounter >> 32));
        PushWord((uint)timestamp);
        PushWord((uint)(timestamp >> 32));
        var words = _dout.Words;
        for (var index = 0; index < payloadWords; index++)
        {
            PushWord(words[index]);
        }

        PushWord(((uint)FifoFrameFormat.TrailerMagic << 16) | (uint)payloadWords);
        _overflowPending = false;
    }

    private void PushWord(uint word)
    {
        _fifo[(_fifoHead + _fifoCount) % _fifo.Length] = word;
        _fifoCount++;
    }

    private uint PopWord()
    {
        var word = _fifo[_fifoHead];
        _fifoHead = (_fifoHead + 1) % _fifo.Length;
        _fifoCount--;
        return word;
    }
}

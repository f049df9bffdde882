using DetectorDaq.Hil.Chips;
using System.Device.Spi;
using DetectorDaq.Hil.Signals;
using DetectorDaq.Interfaces.Catalog;

namespace DetectorDaq.Hil.Chips.Ads131m08;

/// <summary>
/// Register-accurate, SPI-level model of the TI ADS131M08 (SBAS950). Each
/// <see cref="TransferFullDuplex"/> call is one frame (chip select low for its whole length):
/// the chip shifts out the response to the previous frame's command, then executes this frame's
/// command. Conversions happen at fDATA = fCLKIN / (2 × OSR) as <see cref="AdvanceTo"/> moves the
/// chip's time, or one at a time through <see cref="Convert"/>.
/// Not modelled: DRDY pulse format, DRDY source selection, the 2-deep data FIFO, SPI timeout,
/// phase delay, global chop, current detect, DC block, settling time and short-frame rules beyond RESET.
/// </summary>
public sealed partial class VirtualAds131m08 : SpiDevice
{
    /// <summary>
    /// ID register value of the virtual chip: 0x28 (family 0b0010, 8 channels) and a revision byte
    /// of 0x11 picked for the model; the datasheet leaves the low byte unspecified.
    /// </summary>
    public const ushort DefaultIdentification = 0x2811;

    private const int ChannelCount = 8;
    private const int AddressCount = 64;
    private const int DataFrameWords = ChannelCount + 1;
    private const int StatusAddress = 0x01;
    private const int ModeAddress = 0x02;
    private const int ClockAddress = 0x03;
    private const int RegisterMapCrcAddress = 0x3E;

    private readonly object _sync = new();
    private readonly ushort[] _registers = new ushort[AddressCount];
    private readonly ushort[] _resetValues = new ushort[AddressCount];
    private readonly ushort[] _writableMasks = new ushort[AddressCount];
    private readonly int[] _codes = new int[ChannelCount];
    private readonly byte[] _output = new byte[(AddressCount + 2) * 4];
    private readonly VoltageSignal _signal;
    private readonly TransferFunction _transferFunction;
    private readonly Random _noise;
    private readonly double _clockHertz;

    private ResponseKind _response = ResponseKind.Status;
    private ushort _responseWord;
    private int _responseAddress;
    private int _responseCount;
    private bool _locked;
    private bool _standby;
    private bool _crcError;
    private bool _registerMapChanged;
    private bool _resynchronized;
    private byte _dataReadyChannels;
    private bool _unreadData;
    private long _nowNanoseconds;
    private double _nextConversionNanoseconds;
    private long? _syncLowSinceNanoseconds;
    private ushort _identification = DefaultIdentification;

    /// <summary>
    /// Creates the chip after power-up. <paramref name="signal"/> gives the differential input
    /// voltage per channel and conversion; <paramref name="transferFunction"/> (default ideal) adds
    /// the analogue errors; <paramref name="clockHertz"/> is fCLKIN.
    /// </summary>
    public VirtualAds131m08(VoltageSignal signal, TransferFunction? transferFunction = null, double clockHertz = 8.192e6)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockHertz);
        _signal = signal;
        _transferFunction = transferFunction ?? TransferFunction.Ideal;
        _noise = new Random(_transferFunction.Seed);
        _clockHertz = clockHertz;
        foreach (var register in InterfaceCatalog.Ads131m08.Registers)
        {
            _resetValues[register.Address] = (ushort)register.Reset;
            _writableMasks[register.Address] = (ushort)register.WritableMask;
        }

        DataReady = new VirtualDataReadyLine(this);
        SyncReset = new VirtualSyncResetLine(this);
        ResetRegisters();
        _nextConversionNanoseconds = ConversionPeriodNanoseconds;
    }

    /// <summary>The DRDY output.</summary>
    public VirtualDataReadyLine DataReady { get; }

    /// <summary>The SYNC/RESET input.</summary>
    public VirtualSyncResetLine SyncReset { get; }

    /// <inheritdoc />
    public override SpiConnectionSettings ConnectionSettings { get; } =
        new(0, 0) { Mode = SpiMode.Mode1, ClockFrequency = 25_000_000, DataBitLength = 8 };

    /// <summary>ID register contents; set another value to model a different or broken part.</summary>
    public ushort Identification
    {
        get { lock (_sync) { return _identification; } }
        set { lock (_sync) { _identification = value; } }
    }

    /// <summary>Injected DOUT fault; the chip still executes what it receives.</summary>
    public MisoFault MisoFault { get; set; }

    /// <summary>When true, every output CRC word is sent inverted.</summary>
    public bool CorruptOutputCrc { get; set; }

    /// <summary>Frames received so far.</summary>
    public long FrameCount { get; private set; }

    /// <summary>Input frames rejected for a bad CRC while MODE.RX_CRC_EN was set.</summary>
    public long InputCrcErrorCount { get; private set; }

    /// <summary>Conversions made so far; the sample index passed to the signal.</summary>
    public long ConversionCount { get; private set; }

    /// <summary>True while locked by the LOCK command.</summary>
    public bool IsLocked { get { lock (_sync) { return _locked; } } }

    /// <summary>True while in standby.</summary>
    public bool IsInStandby { get { lock (_sync) { return _standby; } } }

    /// <summary>The chip's time in nanoseconds, as last passed to <see cref="AdvanceTo"/>.</summary>
    public long NowNanoseconds { get { lock (_sync) { return _nowNanoseconds; } } }

    /// <summary>Output data rate at the current OSR, in conversions per second.</summary>
    public double DataRateHertz { get { lock (_sync) { return _clockHertz / (2.0 * Oversampling); } } }

    internal bool HasUnreadData { get { lock (_sync) { return _unreadData; } } }

    private int Oversampling => 128 << ((_registers[ClockAddress] >> 2) & 0x7);

    private double ConversionPeriodNanoseconds => 2.0 * Oversampling / _clockHertz * 1e9;

    private int WordBytes => ((_registers[ModeAddress] >> 8) & 0x3) switch { 0 => 2, 1 => 3, _ => 4 };

    private bool AnsiCrc => (_registers[ModeAddress] & 0x0800) != 0;

    /// <summary>
    /// The register at <paramref name="address"/> as the chip holds it, without the side effects of
    /// an SPI read (STATUS flags stay set).
    /// </summary>
    public ushort PeekRegister(int address)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(address);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(address, AddressCount);
        lock (_sync)
        {
            return address switch
            {
                0x00 => _identification,
                StatusAddress => ComposeStatus(),
                _ => _registers[address],
            };
        }
    }

    /// <summary>Resets the chip as a SYNC/RESET pulse of at least 2048 CLKIN periods does.</summary>
    public void PulseSyncReset()
    {
        lock (_sync)
        {
            ResetChip();
            _response = ResponseKind.Status;
        }
    }

    /// <summary>
    /// Moves the chip's time to <paramref name="nanoseconds"/>, making every conversion due on the
    /// way (none in standby). Safe to call from another thread than the SPI traffic.
    /// </summary>
    public void AdvanceTo(long nanoseconds)
    {
        lock (_sync)
        {
            while (_nextConversionNanoseconds <= nanoseconds)
            {
                if (!_standby)
                {
                    ConvertLocked();
                }

                _nextConversionNanoseconds += ConversionPeriodNanoseconds;
            }

            _nowNanoseconds = Math.Max(_nowNanoseconds, nanoseconds);
        }
    }

    /// <summary>Makes exactly one conversion now, whatever the time and standby state (for tests).</summary>
    public void Convert()
    {
        lock (_sync)
        {
            ConvertLocked();
        }
    }

    /// <inheritdoc />
    public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        if (writeBuffer.Length != readBuffer.Length)
        {
            throw new ArgumentException("Full-duplex buffers must be the same length.", nameof(readBuffer));
        }

        lock (_sync)
        {
            // The word length and CRC settings of a frame are those in force when it starts.
            var wordBytes = WordBytes;
            var ansi = AnsiCrc;
            WriteOutputFrame(readBuffer, wordBytes, ansi);
            ExecuteInputFrame(writeBuffer, wordBytes, ansi);
            FrameCount++;
        }

        switch (MisoFault)
        {
            case MisoFault.StuckHigh: readBuffer.Fill(0xFF); break;
            case MisoFault.StuckLow: readBuffer.Clear(); break;
        }
    }

    /// <inheritdoc />
    public override void Read(Span<byte> buffer) => TransferFullDuplex(new byte[buffer.Length], buffer);

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer) => TransferFullDuplex(buffer, new byte[buffer.Length]);

    /// <inheritdoc />
    public override byte ReadByte()
    {
        Span<byte> value = stackalloc byte[1];
        Read(value);
        return value[0];
    }

    /// <inheritdoc />
    public override void WriteByte(byte value) => Write([value]);

    internal bool WaitForData(int timeoutMilliseconds)
    {
        var deadline = Environment.TickCount64 + timeoutMilliseconds;
        lock (_sync)
        {
            while (!_unreadData)
            {
                var remaining = deadline - Environment.TickCount64;
                if (remaining <= 0)
                {
                    return false;
                }

                Monitor.Wait(_sync, TimeSpan.FromMilliseconds(remaining));
            }

            return true;
        }
    }

    internal void DriveSyncReset(bool high)
    {
        lock (_sync)
        {
            if (!high)
            {
                _syncLowSinceNanoseconds ??= _nowNanoseconds;
                return;
            }

            if (_syncLowSinceNanoseconds is not { } since)
            {
                return;
            }

            _syncLowSinceNanoseconds = null;
            var lowClocks = (_nowNanoseconds - since) * 1e-9 * _clockHertz;
            if (lowClocks >= 2048)
            {
                ResetChip();
                _response = ResponseKind.Status;
            }
            else
            {
                // A short pulse realigns the filters (§8.5.2); the model always counts it as a resync.
                _resynchronized = true;
                _nextConversionNanoseconds = _nowNanoseconds + ConversionPeriodNanoseconds;
            }
        }
    }
}

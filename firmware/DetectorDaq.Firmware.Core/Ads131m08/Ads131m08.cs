using System;
using DetectorDaq.Firmware.Crc;
using DetectorDaq.Firmware.Hardware;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Ads131m08
{
    /// <summary>
    /// Driver of the TI ADS131M08 8-channel, 24-bit delta-sigma ADC (SBAS950). Every command is
    /// followed by a NULL frame that collects its pipelined response, so the response of any
    /// NULL frame the driver sends is the STATUS register. Every frame's output CRC is checked and
    /// every frame carries an input CRC, which the chip checks while MODE.RX_CRC_EN is set.
    /// The bus must run in SPI mode 1 (CPOL 0, CPHA 1).
    /// </summary>
    public sealed partial class Ads131m08 : IDisposable
    {
        /// <summary>Number of ADC channels.</summary>
        public const int ChannelCount = 8;

        /// <summary>Words of a normal frame: response or command, 8 channels, CRC.</summary>
        public const int FrameWords = ChannelCount + 2;

        /// <summary>tREGACQ: after a reset the chip ignores SPI for 5 µs (SBAS950 §6.7).</summary>
        public const int RegisterAcquireMicroseconds = 5;

        /// <summary>First and count of the registers the register-map CRC covers (0x02 to 0x30, SBAS950 §8.3.13).</summary>
        public const int RegisterMapCrcFirstAddress = 0x02;

        /// <summary>Number of registers the register-map CRC covers.</summary>
        public const int RegisterMapCrcCount = 0x30 - 0x02 + 1;

        // Largest frame: 64 register words plus command/response and CRC, 32-bit words.
        private const int MaximumFrameWords = Ads131m08Registers.AddressCount + 2;
        private const int MaximumWordBytes = 4;
        private const int IdHighByte = 0x28;

        private readonly ISpiBus _spi;
        private readonly IDigitalInput _dataReady;
        private readonly IDigitalOutput _syncReset;
        private readonly IClock _clock;
        private readonly bool _shouldDispose;
        private readonly byte[] _transmit = new byte[MaximumFrameWords * MaximumWordBytes];
        private readonly byte[] _receive = new byte[MaximumFrameWords * MaximumWordBytes];
        private readonly ushort[] _single = new ushort[1];
        private readonly ushort[] _registerMap = new ushort[RegisterMapCrcCount];

        private WordLength _wordLength = WordLength.Bits24;
        private Ads131m08CrcType _crcType = Ads131m08CrcType.Ccitt;

        // Words before the output CRC in the next DOUT frame: 9 for data frames, 1 + n after a
        // multi-register RREG.
        private int _nextOutputWords = ChannelCount + 1;

        // How the last frame was laid out, for its output CRC check.
        private int _lastOutputWords;
        private int _lastWordBytes;
        private Ads131m08CrcType _lastCrcType;

        /// <summary>
        /// Creates the driver. <paramref name="spi"/> is one device on a bus in SPI mode 1;
        /// <paramref name="dataReady"/> is the DRDY line; <paramref name="syncReset"/> is the
        /// SYNC/RESET line or null where it is not wired. The bus is disposed with the driver unless
        /// <paramref name="shouldDispose"/> is false. Nothing is sent until a method is called.
        /// </summary>
        public Ads131m08(ISpiBus spi, IDigitalInput dataReady, IDigitalOutput syncReset, IClock clock, bool shouldDispose = true)
        {
            if (spi == null)
            {
                throw new ArgumentNullException(nameof(spi));
            }

            if (dataReady == null)
            {
                throw new ArgumentNullException(nameof(dataReady));
            }

            if (clock == null)
            {
                throw new ArgumentNullException(nameof(clock));
            }

            _spi = spi;
            _dataReady = dataReady;
            _syncReset = syncReset;
            _clock = clock;
            _shouldDispose = shouldDispose;
        }

        /// <summary>
        /// CLKIN frequency in hertz (0.3 MHz to 8.4 MHz, default 8.192 MHz); sets how long the
        /// SYNC/RESET pin is held low for a reset.
        /// </summary>
        public double ClockInFrequencyHertz { get; set; } = 8.192e6;

        /// <summary>The word length the driver frames with (MODE.WLENGTH as last written or reset).</summary>
        public WordLength WordLength => _wordLength;

        /// <summary>The CRC polynomial the driver checks with (MODE.CRC_TYPE as last written or reset).</summary>
        public Ads131m08CrcType CrcType => _crcType;

        /// <summary>Converts a 24-bit code to volts at the ADC input: ±1.2 V / gain full scale, 2^23 codes per full scale, internal 1.2 V reference.</summary>
        public static double CodeToVolts(int code, PgaGain gain) => code * (1.2 / 8388608.0) / (1 << (int)gain);

        /// <summary>
        /// Resets the chip with the RESET command, then checks the 0xFF28 acknowledge. Registers,
        /// word length (24-bit) and CRC settings return to their reset values.
        /// </summary>
        public void Reset()
        {
            Exchange(Ads131m08Commands.Reset, null, 0);
            VerifyOutputCrc();
            var oldWordLength = _wordLength;
            var oldCrcType = _crcType;
            UseResetSettings();
            _clock.DelayMicroseconds(RegisterAcquireMicroseconds);
            var response = Exchange(Ads131m08Commands.Null, null, 0);
            if (response != Ads131m08Commands.ResetAcknowledge)
            {
                // No reset happened (locked, bad input CRC): the old settings still frame the chip.
                _wordLength = oldWordLength;
                _crcType = oldCrcType;
                throw Unexpected(Ads131m08Commands.Reset, response, Ads131m08Commands.ResetAcknowledge);
            }

            VerifyOutputCrc();
        }

        /// <summary>
        /// Resets the chip by holding SYNC/RESET low for at least 2048 CLKIN periods (tw(RSL),
        /// SBAS950 §8.4.1.2), then checks that STATUS reports the reset. Throws
        /// <see cref="InvalidOperationException"/> where the pin is not wired.
        /// </summary>
        public void ResetWithPin()
        {
            if (_syncReset == null)
            {
                throw new InvalidOperationException("The SYNC/RESET line is not connected to this ADS131M08 driver.");
            }

            // One microsecond beyond 2048 tCLKIN covers the truncation.
            var holdMicroseconds = (int)(2048.0 * 1e6 / ClockInFrequencyHertz) + 1;
            _syncReset.Write(false);
            _clock.DelayMicroseconds(holdMicroseconds);
            _syncReset.Write(true);
            _clock.DelayMicroseconds(RegisterAcquireMicroseconds);
            UseResetSettings();

            // Unconfirmed: whether the first frame after a pin reset answers 0xFF28 or STATUS, so both count.
            var response = Exchange(Ads131m08Commands.Null, null, 0);
            var status = new Ads131m08Status(response);
            if (response != Ads131m08Commands.ResetAcknowledge && !(LooksLikeStatus(response) && status.ResetOccurred))
            {
                throw Unexpected(Ads131m08Commands.Reset, response, Ads131m08Commands.ResetAcknowledge);
            }

            VerifyOutputCrc();
        }

        /// <summary>Reads STATUS with a NULL frame (this also clears STATUS.CRC_ERR and STATUS.REG_MAP).</summary>
        public Ads131m08Status ReadStatus()
        {
            var response = Exchange(Ads131m08Commands.Null, null, 0);
            VerifyOutputCrc();
            if (!LooksLikeStatus(response))
            {
                throw new Ads131m08Exception(Ads131m08Error.UnexpectedResponse, "ADS131M08 answered 0x" + response.ToString("X4") + " to NULL, which is not a STATUS word for the current word length and CRC type.");
            }

            return new Ads131m08Status(response);
        }

        /// <summary>Reads the ID register and checks the family and channel count (high byte 0x28).</summary>
        public ushort ReadId()
        {
            var id = ReadRegister(Ads131m08Registers.IdAddress);
            if ((id >> 8) != IdHighByte)
            {
                throw new Ads131m08Exception(Ads131m08Error.WrongId, "ADS131M08 ID register reads 0x" + id.ToString("X4") + "; expected 0x28xx.");
            }

            return id;
        }

        /// <summary>Puts the chip in standby (modulators off, registers kept).</summary>
        public void Standby() => Command(Ads131m08Commands.Standby, Ads131m08Commands.Standby);

        /// <summary>Leaves standby; conversions restart.</summary>
        public void WakeUp() => Command(Ads131m08Commands.WakeUp, Ads131m08Commands.WakeUp);

        /// <summary>Locks the interface: afterwards the chip ignores everything but NULL, RREG and UNLOCK.</summary>
        public void Lock() => Command(Ads131m08Commands.Lock, Ads131m08Commands.Lock);

        /// <summary>Unlocks the interface.</summary>
        public void Unlock() => Command(Ads131m08Commands.Unlock, Ads131m08Commands.Unlock);

        /// <summary>Disposes the SPI device unless the driver was created with shouldDispose false.</summary>
        public void Dispose()
        {
            if (_shouldDispose)
            {
                _spi.Dispose();
            }
        }

        private void Command(ushort command, ushort expected)
        {
            Exchange(command, null, 0);
            VerifyOutputCrc();
            var response = Exchange(Ads131m08Commands.Null, null, 0);
            if (response != expected)
            {
                throw Unexpected(command, response, expected);
            }

            VerifyOutputCrc();
        }

        private void UseResetSettings()
        {
            _wordLength = WordLength.Bits24;
            _crcType = Ads131m08CrcType.Ccitt;
            _nextOutputWords = ChannelCount + 1;
        }

        // SPI frame (SBAS950 §8.5.1.7), W = 2, 3 or 4 bytes per word after MODE.WLENGTH:
        //
        //   word   0          1            2            ...  8            9          10 .. (long frames)
        //   DIN  | command  | input CRC  | 0          | ... | 0          | 0        | 0
        //   DIN  | WREG     | reg data 1 | reg data 2 | ... | input CRC (after the n data words), then 0
        //   DOUT | response | CH0 data   | CH1 data   | ... | CH7 data   | out CRC  | 0
        //   DOUT | RREG ack | reg 1      | ...        | reg n | out CRC (frame after a multi-register RREG)
        //
        // 16-bit commands, register words and CRCs sit MSB-aligned in a word with zero padding.
        // The input CRC covers the words before it and the output CRC the words before it, at full
        // word width including padding (§8.3.12). The frame is never shorter than 10 words.
        private ushort Exchange(ushort command, ushort[] data, int dataCount)
        {
            var wordBytes = WordBytes(_wordLength);
            var outputWords = _nextOutputWords;
            var frameWords = FrameWords;
            if (dataCount + 2 > frameWords)
            {
                frameWords = dataCount + 2;
            }

            if (outputWords + 1 > frameWords)
            {
                frameWords = outputWords + 1;
            }

            var length = frameWords * wordBytes;
            Array.Clear(_transmit, 0, length);
            PutWord(_transmit, 0, command);
            for (var i = 0; i < dataCount; i++)
            {
                PutWord(_transmit, (1 + i) * wordBytes, data![i]);
            }

            var crcOffset = (1 + dataCount) * wordBytes;
            PutWord(_transmit, crcOffset, CrcEngine(_crcType).Compute(_transmit, 0, crcOffset));

            _spi.TransferFullDuplex(_transmit, _receive, length);
            _nextOutputWords = ChannelCount + 1;
            _lastOutputWords = outputWords;
            _lastWordBytes = wordBytes;
            _lastCrcType = _crcType;
            CheckAnswering(length);
            return GetWord(_receive, 0);
        }

        private void VerifyOutputCrc()
        {
            var crcOffset = _lastOutputWords * _lastWordBytes;
            var computed = CrcEngine(_lastCrcType).Compute(_receive, 0, crcOffset);
            var received = GetWord(_receive, crcOffset);
            if (computed != received)
            {
                throw new Ads131m08Exception(Ads131m08Error.CrcMismatch, "ADS131M08 output CRC 0x" + received.ToString("X4") + " does not match the computed 0x" + computed.ToString("X4") + ".");
            }
        }

        private void CheckAnswering(int length)
        {
            var first = _receive[0];
            if (first != 0x00 && first != 0xFF)
            {
                return;
            }

            for (var i = 1; i < length; i++)
            {
                if (_receive[i] != first)
                {
                    return;
                }
            }

            throw new Ads131m08Exception(Ads131m08Error.NotAnswering, "ADS131M08 is not answering: every DOUT byte of the frame was 0x" + first.ToString("X2") + ".");
        }

        // A STATUS word mirrors MODE.WLENGTH and MODE.CRC_TYPE, which the driver knows.
        private bool LooksLikeStatus(ushort word)
        {
            var status = new Ads131m08Status(word);
            return status.WordLength == _wordLength && status.CrcType == _crcType;
        }

        private Ads131m08Exception Unexpected(ushort command, ushort response, ushort expected)
        {
            if (LooksLikeStatus(response))
            {
                var status = new Ads131m08Status(response);
                if (status.Locked)
                {
                    return new Ads131m08Exception(Ads131m08Error.Locked, "ADS131M08 is locked and ignored command 0x" + command.ToString("X4") + "; send UNLOCK first.");
                }

                if (status.InputCrcError)
                {
                    return new Ads131m08Exception(Ads131m08Error.CrcMismatch, "ADS131M08 reported an input CRC error (STATUS.CRC_ERR) for command 0x" + command.ToString("X4") + ".");
                }
            }

            return new Ads131m08Exception(Ads131m08Error.UnexpectedResponse, "ADS131M08 answered 0x" + response.ToString("X4") + " to command 0x" + command.ToString("X4") + "; expected 0x" + expected.ToString("X4") + ".");
        }

        private static Crc16 CrcEngine(Ads131m08CrcType type) => type == Ads131m08CrcType.Ansi ? Crc16.Ansi : Crc16.Ccitt;

        private static int WordBytes(WordLength length)
        {
            switch (length)
            {
                case WordLength.Bits16: return 2;
                case WordLength.Bits24: return 3;
                default: return 4;
            }
        }

        private static void PutWord(byte[] buffer, int offset, ushort value)
        {
            buffer[offset] = (byte)(value >> 8);
            buffer[offset + 1] = (byte)value;
        }

        private static ushort GetWord(byte[] buffer, int offset) => (ushort)((buffer[offset] << 8) | buffer[offset + 1]);
    }
}

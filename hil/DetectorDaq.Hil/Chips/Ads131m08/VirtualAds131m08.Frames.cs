namespace DetectorDaq.Hil.Chips.Ads131m08;

// The SPI protocol side of the model (SBAS950 §8.5.1).
public sealed partial class VirtualAds131m08
{
    private const ushort NullCommand = 0x0000;
    private const ushort ResetCommand = 0x0011;
    private const ushort StandbyCommand = 0x0022;
    private const ushort WakeUpCommand = 0x0033;
    private const ushort LockCommand = 0x0555;
    private const ushort UnlockCommand = 0x0655;
    private const ushort ResetAcknowledge = 0xFF20 | ChannelCount;
    private const int RegisterMapCrcFirst = 0x02;
    private const int RegisterMapCrcLast = 0x30;

    // DOUT: response word(s), then 8 channel words (not after a multi-register RREG), then the CRC
    // over everything before it at full word width; zeros after that for longer frames.
    private void WriteOutputFrame(Span<byte> readBuffer, int wordBytes, bool ansi)
    {
        var words = _response == ResponseKind.Registers ? 1 + _responseCount : DataFrameWords;
        var length = (words + 1) * wordBytes;
        Array.Clear(_output, 0, length);
        if (_response == ResponseKind.Registers)
        {
            PutWord(0, (ushort)(0xE000 | (_responseAddress << 7) | (_responseCount - 1)));
            for (var i = 0; i < _responseCount; i++)
            {
                PutWord((1 + i) * wordBytes, ReadRegisterForOutput(_responseAddress + i));
            }
        }
        else
        {
            var response = _response switch
            {
                ResponseKind.Word => _responseWord,
                ResponseKind.Register => ReadRegisterForOutput(_responseAddress),
                _ => ReadRegisterForOutput(StatusAddress),
            };
            PutWord(0, response);
            for (var channel = 0; channel < ChannelCount; channel++)
            {
                PutCode((1 + channel) * wordBytes, _codes[channel]);
            }
        }

        var crc = FrameCrc.Compute(_output.AsSpan(0, words * wordBytes), ansi);
        PutWord(words * wordBytes, CorruptOutputCrc ? (ushort)~crc : crc);

        readBuffer.Clear();
        var copied = Math.Min(length, readBuffer.Length);
        _output.AsSpan(0, copied).CopyTo(readBuffer);

        // Shifting out all channel words reads the data: DRDY returns high, STATUS.DRDY clears.
        if (_response != ResponseKind.Registers && readBuffer.Length >= DataFrameWords * wordBytes)
        {
            _unreadData = false;
            _dataReadyChannels = 0;
        }
    }

    // DIN: command word, WREG data words, then the input CRC (checked only while MODE.RX_CRC_EN is set).
    private void ExecuteInputFrame(ReadOnlySpan<byte> writeBuffer, int wordBytes, bool ansi)
    {
        if (writeBuffer.Length < wordBytes)
        {
            _response = ResponseKind.Status;
            return;
        }

        var command = (ushort)((writeBuffer[0] << 8) | writeBuffer[1]);
        var address = (command >> 7) & 0x3F;
        var count = (command & 0x7F) + 1;
        var isWrite = (command & 0xE000) == 0x6000;
        var isRead = (command & 0xE000) == 0xA000;

        var crcGood = true;
        if ((_registers[ModeAddress] & 0x1000) != 0)
        {
            var crcWord = isWrite ? 1 + count : 1;
            var crcOffset = crcWord * wordBytes;
            crcGood = crcOffset + 2 <= writeBuffer.Length
                && FrameCrc.Compute(writeBuffer[..crcOffset], ansi) == ((writeBuffer[crcOffset] << 8) | writeBuffer[crcOffset + 1]);
        }

        // Registers are written as they are shifted in, so a bad CRC does not stop a WREG (§8.5.1.10.8).
        var written = isWrite && !_locked ? WriteRegisters(writeBuffer, wordBytes, address, count) : 0;

        if (!crcGood)
        {
            _crcError = true;
            InputCrcErrorCount++;
            _response = ResponseKind.Status;
            return;
        }

        if (_locked && command != NullCommand && command != UnlockCommand && !isRead)
        {
            _response = ResponseKind.Status;
            return;
        }

        if (isWrite)
        {
            Acknowledge((ushort)(0x4000 | (address << 7) | ((written - 1) & 0x7F)));
        }
        else if (isRead)
        {
            _response = count == 1 ? ResponseKind.Register : ResponseKind.Registers;
            _responseAddress = address;
            _responseCount = count;
        }
        else
        {
            ExecuteCommand(command, writeBuffer.Length >= (DataFrameWords + 1) * wordBytes);
        }
    }

    private void ExecuteCommand(ushort command, bool completeFrame)
    {
        switch (command)
        {
            case ResetCommand when completeFrame:
                ResetChip();
                Acknowledge(ResetAcknowledge);
                break;
            case ResetCommand:
                // A RESET in a short frame is not latched (§8.5.1.11).
                Acknowledge(ResetCommand);
                break;
            case StandbyCommand:
                _standby = true;
                Acknowledge(command);
                break;
            case WakeUpCommand:
                _standby = false;
                Acknowledge(command);
                break;
            case LockCommand:
                _locked = true;
                Acknowledge(command);
                break;
            case UnlockCommand:
                _locked = false;
                Acknowledge(command);
                break;
            default:
                // NULL and invalid commands are answered with STATUS.
                _response = ResponseKind.Status;
                break;
        }
    }

    // Read-only, reserved and out-of-range addresses count in nnn nnnn but are not written; the
    // acknowledge reports the registers actually written (§8.5.1.10.8).
    private int WriteRegisters(ReadOnlySpan<byte> writeBuffer, int wordBytes, int address, int count)
    {
        var written = 0;
        var clockBefore = _registers[ClockAddress];
        for (var i = 0; i < count; i++)
        {
            var offset = (1 + i) * wordBytes;
            var target = address + i;
            if (offset + 2 > writeBuffer.Length || target >= AddressCount || _writableMasks[target] == 0)
            {
                continue;
            }

            var value = (ushort)((writeBuffer[offset] << 8) | writeBuffer[offset + 1]);
            _registers[target] = (ushort)(value & _writableMasks[target]);
            written++;
        }

        // A new OSR or channel set restarts the conversion timing.
        if (_registers[ClockAddress] != clockBefore)
        {
            _nextConversionNanoseconds = _nowNanoseconds + ConversionPeriodNanoseconds;
        }

        UpdateRegisterMapCrc();
        return written;
    }

    private ushort ReadRegisterForOutput(int address)
    {
        if (address >= AddressCount)
        {
            return 0;
        }

        if (address == 0x00)
        {
            return _identification;
        }

        if (address != StatusAddress)
        {
            return _registers[address];
        }

        // Shifting STATUS out clears its sticky flags (§8.6.2).
        var status = ComposeStatus();
        _crcError = false;
        _registerMapChanged = false;
        _resynchronized = false;
        return status;
    }

    private ushort ComposeStatus()
    {
        var mode = _registers[ModeAddress];
        var status = (mode & 0x0F00) | _dataReadyChannels;
        status |= _locked ? 0x8000 : 0;
        status |= _resynchronized ? 0x4000 : 0;
        status |= _registerMapChanged ? 0x2000 : 0;
        status |= _crcError ? 0x1000 : 0;
        return (ushort)status;
    }

    private void Acknowledge(ushort word)
    {
        _response = ResponseKind.Word;
        _responseWord = word;
    }

    private void ResetChip()
    {
        ResetRegisters();
        _locked = false;
        _standby = false;
        _crcError = false;
        _registerMapChanged = false;
        _resynchronized = false;
        _dataReadyChannels = 0;
        _unreadData = false;
        Array.Clear(_codes);
        _nextConversionNanoseconds = _nowNanoseconds + ConversionPeriodNanoseconds;
    }

    private void ResetRegisters()
    {
        Array.Copy(_resetValues, _registers, AddressCount);
    }

    // REGMAP_CRC (§8.3.13): CRC of MODE.CRC_TYPE over 0x02..0x30, each register MSB first, seed
    // 0xFFFF. Unconfirmed: seed and coverage of reserved bits are best belief. Reads 0 while
    // MODE.REG_CRC_EN is clear (also unconfirmed).
    private void UpdateRegisterMapCrc()
    {
        ushort crc = 0;
        if ((_registers[ModeAddress] & 0x2000) != 0)
        {
            var bytes = new byte[(RegisterMapCrcLast - RegisterMapCrcFirst + 1) * 2];
            for (var address = RegisterMapCrcFirst; address <= RegisterMapCrcLast; address++)
            {
                bytes[(address - RegisterMapCrcFirst) * 2] = (byte)(_registers[address] >> 8);
                bytes[((address - RegisterMapCrcFirst) * 2) + 1] = (byte)_registers[address];
            }

            crc = FrameCrc.Compute(bytes, AnsiCrc);
        }

        if (crc != _registers[RegisterMapCrcAddress])
        {
            _registers[RegisterMapCrcAddress] = crc;
            _registerMapChanged = crc != 0;
        }
    }

    private void PutWord(int offset, ushort value)
    {
        _output[offset] = (byte)(value >> 8);
        _output[offset + 1] = (byte)value;
    }

    // Channel word layouts per MODE.WLENGTH (Table 8-16); the 16-bit word drops the 8 LSBs.
    private void PutCode(int offset, int code)
    {
        switch ((_registers[ModeAddress] >> 8) & 0x3)
        {
            case 0:
                _output[offset] = (byte)(code >> 16);
                _output[offset + 1] = (byte)(code >> 8);
                break;
            case 1:
            case 2:
                _output[offset] = (byte)(code >> 16);
                _output[offset + 1] = (byte)(code >> 8);
                _output[offset + 2] = (byte)code;
                break;
            default:
                _output[offset] = (byte)(code >> 24);
                _output[offset + 1] = (byte)(code >> 16);
                _output[offset + 2] = (byte)(code >> 8);
                _output[offset + 3] = (byte)code;
                break;
        }
    }
}

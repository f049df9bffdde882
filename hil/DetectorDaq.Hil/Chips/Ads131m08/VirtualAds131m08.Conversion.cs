namespace DetectorDaq.Hil.Chips.Ads131m08;

// The analogue side of the model (SBAS950 §8.3).
public sealed partial class VirtualAds131m08
{
    private const double ReferenceVolts = 1.2;
    private const long MinimumCode = -(1L << 23);
    private const long MaximumCode = (1L << 23) - 1;

    // DC test signal: 2/15 of the reference at the ADC, whatever the gain (§8.3.9).
    private const double TestSignalFraction = 2.0 / 15.0;

    private void ConvertLocked()
    {
        var index = ConversionCount++;
        var enabled = _registers[ClockAddress] >> 8;
        for (var channel = 0; channel < ChannelCount; channel++)
        {
            if (((enabled >> channel) & 1) == 0)
            {
                _codes[channel] = 0;
                continue;
            }

            var gainRegister = _registers[channel < 4 ? 0x04 : 0x05];
            var gain = 1 << ((gainRegister >> ((channel % 4) * 4)) & 0x7);
            var fraction = (_registers[0x09 + (5 * channel)] & 0x3) switch
            {
                0 => _signal(channel, index).Volts * gain / ReferenceVolts,
                1 => 0.0,
                2 => TestSignalFraction,
                _ => -TestSignalFraction,
            };
            var raw = _transferFunction.Convert(fraction, MinimumCode, MaximumCode, bipolar: true, _noise);
            _codes[channel] = Calibrate(channel, raw);
        }

        _dataReadyChannels = (byte)enabled;
        _unreadData = true;
        Monitor.PulseAll(_sync);
    }

    // Offset is subtracted first, then the result is multiplied by GCAL / 2^23 (§8.4.x, chips.md A1);
    // the result saturates at the 24-bit code range.
    private int Calibrate(int channel, long raw)
    {
        var offsetAddress = 0x0A + (5 * channel);
        var offset = (_registers[offsetAddress] << 8) | (_registers[offsetAddress + 1] >> 8);
        if ((offset & 0x800000) != 0)
        {
            offset -= 0x1000000;
        }

        var gain = (_registers[offsetAddress + 2] << 8) | (_registers[offsetAddress + 3] >> 8);
        var calibrated = Math.Round((raw - offset) * (double)gain / (1 << 23), MidpointRounding.AwayFromZero);
        return (int)Math.Clamp(calibrated, MinimumCode, MaximumCode);
    }
}

using DetectorDaq.Hil.Chips.Ads131m08;

namespace DetectorDaq.Drivers.Tests.Ads131m08;

/// <summary>
/// Hand-built 24-bit frames straight to the virtual chip, for behaviour the driver never provokes
/// (its argument checks stop it first).
/// </summary>
internal static class RawFrames
{
    /// <summary>Sends <paramref name="words"/> (16-bit, MSB-aligned in 24-bit words) in a frame of at least 10 words; returns the DOUT words' top 16 bits.</summary>
    public static ushort[] Transfer(VirtualAds131m08 chip, params ushort[] words)
    {
        var count = Math.Max(10, words.Length + 1);
        var write = new byte[count * 3];
        for (var i = 0; i < words.Length; i++)
        {
            write[i * 3] = (byte)(words[i] >> 8);
            write[(i * 3) + 1] = (byte)words[i];
        }

        var read = new byte[write.Length];
        chip.TransferFullDuplex(write, read);
        var response = new ushort[count];
        for (var i = 0; i < count; i++)
        {
            response[i] = (ushort)((read[i * 3] << 8) | read[(i * 3) + 1]);
        }

        return response;
    }

    /// <summary>Sends the command, then a NULL frame, and returns the NULL frame's response word.</summary>
    public static ushort Command(VirtualAds131m08 chip, params ushort[] words)
    {
        Transfer(chip, words);
        return Transfer(chip, 0x0000)[0];
    }
}

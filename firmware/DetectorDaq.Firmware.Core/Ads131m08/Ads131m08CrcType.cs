namespace DetectorDaq.Firmware.Ads131m08
{
    /// <summary>CRC polynomial of the frame and register-map CRCs (MODE.CRC_TYPE, SBAS950 §8.3.12).</summary>
    public enum Ads131m08CrcType
    {
        /// <summary>CRC-16-CCITT, x^16 + x^12 + x^5 + 1 (reset default).</summary>
        Ccitt = 0,

        /// <summary>CRC-16-ANSI, x^16 + x^15 + x^2 + 1, MSB first and not reflected.</summary>
        Ansi = 1,
    }
}

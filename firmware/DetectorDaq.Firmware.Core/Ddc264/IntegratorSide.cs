namespace DetectorDaq.Firmware.Ddc264
{
    /// <summary>
    /// One of the two switched integrators of every DDC264 input (SBAS368 §8.3.1): while one integrates,
    /// the other is converted, and CONV swaps them.
    /// </summary>
    public enum IntegratorSide : byte
    {
        /// <summary>Side A; the first conversion after reset delivers it (best belief, unconfirmed).</summary>
        A = 0,

        /// <summary>Side B.</summary>
        B = 1,
    }
}

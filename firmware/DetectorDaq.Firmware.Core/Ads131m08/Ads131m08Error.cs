namespace DetectorDaq.Firmware.Ads131m08
{
    /// <summary>What went wrong talking to an ADS131M08.</summary>
    public enum Ads131m08Error
    {
        /// <summary>Every byte of a frame was 0xFF or 0x00: DOUT is stuck, the chip is unpowered or absent.</summary>
        NotAnswering,

        /// <summary>The output CRC of a frame did not match, or the chip reported an input CRC error (STATUS.CRC_ERR).</summary>
        CrcMismatch,

        /// <summary>The ID register's high byte is not 0x28 (ADS131M0x family, 8 channels).</summary>
        WrongId,

        /// <summary>The response word was not the one the command calls for (SBAS950 Table 8-11).</summary>
        UnexpectedResponse,

        /// <summary>DRDY did not go low within the timeout.</summary>
        DataReadyTimeout,

        /// <summary>The interface is locked (LOCK command); only NULL, RREG and UNLOCK are accepted.</summary>
        Locked,
    }
}

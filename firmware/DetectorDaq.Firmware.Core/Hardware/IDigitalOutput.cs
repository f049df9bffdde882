namespace DetectorDaq.Firmware.Hardware
{
    /// <summary>A GPIO output line such as the ADS131M08's SYNC/RESET.</summary>
    public interface IDigitalOutput
    {
        /// <summary>Drives the line high (true) or low (false).</summary>
        void Write(bool high);
    }
}

namespace DetectorDaq.Firmware.Hardware
{
    /// <summary>A GPIO input line such as the ADS131M08's DRDY.</summary>
    public interface IDigitalInput
    {
        /// <summary>True when the line is high.</summary>
        bool Read();

        /// <summary>Waits until the line is low; false when <paramref name="timeoutMilliseconds"/> passed first.</summary>
        bool WaitForLow(int timeoutMilliseconds);
    }
}

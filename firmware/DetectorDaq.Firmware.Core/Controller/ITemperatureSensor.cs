namespace DetectorDaq.Firmware.Controller
{
    /// <summary>The board temperature reported in housekeeping.</summary>
    public interface ITemperatureSensor
    {
        /// <summary>Board temperature in milli-degrees Celsius.</summary>
        int ReadMilliCelsius();
    }
}

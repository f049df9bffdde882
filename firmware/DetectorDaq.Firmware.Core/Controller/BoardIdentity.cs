namespace DetectorDaq.Firmware.Controller
{
    /// <summary>What a controller says about itself in its Hello response.</summary>
    public sealed class BoardIdentity
    {
        /// <summary>Creates an identity; strings are printable ASCII of at most 32 characters.</summary>
        public BoardIdentity(string firmwareVersion, string boardName, string serialNumber)
        {
            FirmwareVersion = firmwareVersion;
            BoardName = boardName;
            SerialNumber = serialNumber;
        }

        /// <summary>Firmware version, for example "0.1.0".</summary>
        public string FirmwareVersion { get; }

        /// <summary>Board type, for example "esp32-ddc264" or "hil".</summary>
        public string BoardName { get; }

        /// <summary>Serial number of the board.</summary>
        public string SerialNumber { get; }
    }
}

namespace DetectorDaq.Controller.Linux;

/// <summary>How the controller reaches the chips' SPI bus and GPIO lines.</summary>
public enum SpiBridge
{
    /// <summary>The kernel's /dev/spidevB.C and GPIO character devices (Raspberry Pi class boards).</summary>
    Spidev,

    /// <summary>An FTDI FT4222H USB-SPI bridge (LibFT4222).</summary>
    Ft4222,

    /// <summary>An FTDI FT232H USB-MPSSE bridge (libftd2xx).</summary>
    Ft232h,
}

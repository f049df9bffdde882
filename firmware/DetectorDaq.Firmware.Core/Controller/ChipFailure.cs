using System;
using DetectorDaq.Firmware.Ads131m08;
using DetectorDaq.Firmware.Ddc264;
using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Firmware.Controller
{
    /// <summary>Maps driver exceptions to the control protocol's status codes.</summary>
    public static class ChipFailure
    {
        /// <summary>
        /// The status for <paramref name="exception"/>: ChipNotAnswering for silent or mute chips,
        /// CrcError for CRC mismatches, InternalError for anything else.
        /// </summary>
        public static ControlStatus ToStatus(Exception exception)
        {
            var ads = exception as Ads131m08Exception;
            if (ads != null)
            {
                return ads.Error == Ads131m08Error.CrcMismatch ? ControlStatus.CrcError : ControlStatus.ChipNotAnswering;
            }

            return exception is Ddc264Exception ? ControlStatus.ChipNotAnswering : ControlStatus.InternalError;
        }

        /// <summary>True for the exceptions a chip or the FPGA raise when they misbehave.</summary>
        public static bool IsChipException(Exception exception) => exception is Ads131m08Exception || exception is Ddc264Exception;
    }
}

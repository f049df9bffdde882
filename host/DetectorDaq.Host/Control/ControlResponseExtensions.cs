using DetectorDaq.Firmware.Control;

namespace DetectorDaq.Host.Control;

/// <summary>Reading the reason a controller gives with an error status.</summary>
public static class ControlResponseExtensions
{
    /// <summary>The one-line reason in an error response's payload, or the status name when there is none.</summary>
    public static string Reason(this ControlResponse response)
    {
        if (response.Payload.Length > 0 && AsciiField.TryRead(response.Payload, 0, response.Payload.Length, byte.MaxValue, out var reason) > 0 && reason.Length > 0)
        {
            return reason;
        }

        return response.Status.ToString();
    }
}

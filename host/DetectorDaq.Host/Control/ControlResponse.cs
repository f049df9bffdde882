using DetectorDaq.Firmware.Interfaces;

namespace DetectorDaq.Host.Control;

/// <summary>A controller's answer to one command.</summary>
/// <param name="Command">The command answered.</param>
/// <param name="Status">Status code.</param>
/// <param name="Payload">Payload bytes (a copy).</param>
public sealed record ControlResponse(ControlCommand Command, ControlStatus Status, byte[] Payload)
{
    /// <summary>True when the controller reported <see cref="ControlStatus.Ok"/>.</summary>
    public bool IsOk => Status == ControlStatus.Ok;
}

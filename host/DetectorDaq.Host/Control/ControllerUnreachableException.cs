namespace DetectorDaq.Host.Control;

/// <summary>The controller could not be reached or stopped answering; the message names the address.</summary>
public sealed class ControllerUnreachableException(string message, Exception? inner = null) : Exception(message, inner);

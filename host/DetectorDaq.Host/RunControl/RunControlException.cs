namespace DetectorDaq.Host.RunControl;

/// <summary>A run could not proceed; the message names the module and the controller's reason.</summary>
public sealed class RunControlException(string message, Exception? inner = null) : Exception(message, inner);

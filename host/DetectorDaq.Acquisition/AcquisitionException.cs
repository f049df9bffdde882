namespace DetectorDaq.Acquisition;

/// <summary>An acquisition could not start (unreachable controller, port in use, bad output path); one line.</summary>
public sealed class AcquisitionException(string message, Exception? inner = null) : Exception(message, inner);

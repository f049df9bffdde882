namespace DetectorDaq.CalibrationDb;

/// <summary>A calibration database or constants file cannot be used: the message is one line naming what is wrong.</summary>
public sealed class CalibrationStoreException(string message, Exception? inner = null) : Exception(message, inner);

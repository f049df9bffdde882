namespace DetectorDaq.Controller.Linux;

/// <summary>The controller cannot start: a bad option or missing hardware. The message is one line for the operator.</summary>
public sealed class ControllerSetupException : Exception
{
    /// <summary>Creates the exception with a one-line <paramref name="message"/> naming what is wrong.</summary>
    public ControllerSetupException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception for a failure of the platform underneath (<paramref name="innerException"/>).</summary>
    public ControllerSetupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

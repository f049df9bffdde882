using System.ComponentModel;

namespace DetectorDaq.Controller.Linux.Hardware;

/// <summary>Turns the platform's many ways of saying "no such hardware" into one operator message.</summary>
internal static class HardwareFailure
{
    public static T Translate<T>(string what, Func<T> open)
    {
        try
        {
            return open();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or PlatformNotSupportedException
            or DllNotFoundException or EntryPointNotFoundException or InvalidOperationException or Win32Exception or ArgumentException)
        {
            var reason = exception is DllNotFoundException ? "native library not found" : FirstLine(exception.Message);
            throw new ControllerSetupException($"{what}: {reason}", exception);
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}

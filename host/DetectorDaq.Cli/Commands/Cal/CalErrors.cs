using DetectorDaq.CalibrationDb;
using DetectorDaq.Files.Constants;

namespace DetectorDaq.Cli.Commands.Cal;

/// <summary>Turns store and file errors into one-line command-line errors.</summary>
internal static class CalErrors
{
    public static T Guard<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (Exception exception) when (exception is CalibrationStoreException or ConstantsFileException)
        {
            throw new CommandLineException(exception.Message, ExitCodes.Failure, exception);
        }
    }
}

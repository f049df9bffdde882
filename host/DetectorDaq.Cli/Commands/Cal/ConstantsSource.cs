using System.CommandLine;
using System.Globalization;
using DetectorDaq.Calibration.Constants;
using DetectorDaq.Files.Constants;

namespace DetectorDaq.Cli.Commands.Cal;

/// <summary>
/// Where a command takes constants from: a bare number is a version in the calibration database
/// (<c>--db</c>/<c>--postgres</c>), anything else an HDF5 constants file.
/// </summary>
internal static class ConstantsSource
{
    /// <summary>Loads the constants <paramref name="source"/> names.</summary>
    /// <exception cref="CommandLineException">The version does not exist or the store cannot be opened.</exception>
    /// <exception cref="ConstantsFileException">The file is not a readable constants file.</exception>
    public static CalibrationConstants Load(string source, CalStoreOptions store, ParseResult parseResult)
    {
        if (!long.TryParse(source, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return ConstantsFile.Read(source);
        }

        using var database = store.Open(parseResult);
        return CalErrors.Guard(() => database.Get(version).Constants);
    }
}

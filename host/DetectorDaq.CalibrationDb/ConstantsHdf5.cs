using System.Globalization;
using DetectorDaq.Calibration.Constants;
using DetectorDaq.CalibrationDb.Sql;
using DetectorDaq.Files.Constants;
using PureHDF;

namespace DetectorDaq.CalibrationDb;

/// <summary>
/// Calibration constants as an HDF5 file: group <c>/calibration_constants</c> with the metadata as
/// attributes and one dataset per array (layout in this project's README.md), readable by h5py and h5dump.
/// </summary>
public static class ConstantsHdf5
{
    /// <summary>Name of the group holding the constants.</summary>
    public const string GroupName = "calibration_constants";

    /// <summary>Layout version written in the <c>format_version</c> attribute.</summary>
    public const int FormatVersion = 1;

    /// <summary>Exports version <paramref name="versionId"/> of <paramref name="store"/> to <paramref name="path"/>.</summary>
    /// <exception cref="CalibrationStoreException">No such version, or the file cannot be written.</exception>
    public static void Export(ICalibrationStore store, long versionId, string path)
    {
        ArgumentNullException.ThrowIfNull(store);
        Export(store.Get(versionId), path);
    }

    /// <summary>
    /// Writes <paramref name="stored"/> to <paramref name="path"/>, replacing the file only once the new
    /// one is complete, so a failed export leaves what was there.
    /// </summary>
    /// <exception cref="CalibrationStoreException">The file cannot be written.</exception>
    public static void Export(StoredCalibration stored, string path)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var constants = stored.Constants;
        constants.Validate();
        var sides = (ulong)constants.Sides;
        var rows = (ulong)constants.Rows;
        var columns = (ulong)constants.Columns;
        var group = new H5Group
        {
            Attributes = new()
            {
                ["format_version"] = FormatVersion,
                ["module_serial"] = constants.ModuleSerial,
                ["valid_from"] = constants.ValidFrom.ToString("o", CultureInfo.InvariantCulture),
                ["temperature_celsius"] = constants.Conditions.TemperatureCelsius,
                ["integration_period_ns"] = constants.Conditions.IntegrationPeriodNanoseconds,
                ["range"] = constants.Conditions.Range,
                ["station"] = constants.Station,
                ["software_version"] = constants.SoftwareVersion,
                ["rows"] = constants.Rows,
                ["columns"] = constants.Columns,
                ["sides"] = constants.Sides,
                ["nonlinearity_order"] = constants.NonlinearityOrder,
                ["version_id"] = stored.VersionId,
                ["created_at"] = stored.CreatedAt.ToString("o", CultureInfo.InvariantCulture),
            },
            [ConstantsArrays.Offset] = new H5Dataset<float[]>(constants.Offset, fileDims: [sides, rows, columns]),
            [ConstantsArrays.Noise] = new H5Dataset<float[]>(constants.Noise, fileDims: [sides, rows, columns]),
            [ConstantsArrays.Gain] = new H5Dataset<float[]>(constants.Gain, fileDims: [sides, rows, columns]),
            [ConstantsArrays.BadChannels] = new H5Dataset<uint[]>(constants.BadChannels, fileDims: [rows, columns]),
        };
        if (constants.NonlinearityOrder > 0)
        {
            group[ConstantsArrays.Nonlinearity] = new H5Dataset<float[]>(constants.Nonlinearity, fileDims: [sides, rows, columns, (ulong)constants.NonlinearityOrder + 1]);
        }

        if (constants.LagAmplitudes.Length > 0)
        {
            group[ConstantsArrays.LagAmplitudes] = new H5Dataset<float[]>(constants.LagAmplitudes, fileDims: [(ulong)constants.LagAmplitudes.Length]);
            group[ConstantsArrays.LagRates] = new H5Dataset<float[]>(constants.LagRates, fileDims: [(ulong)constants.LagRates.Length]);
        }

        var partial = path + ".partial";
        try
        {
            new H5File { [GroupName] = group }.Write(partial);
            File.Move(partial, path, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            File.Delete(partial);
            throw new CalibrationStoreException($"{path}: cannot write constants: {exception.Message}", exception);
        }
    }

    /// <summary>
    /// Reads constants written by <see cref="Export(StoredCalibration, string)"/>, or a file of the calibration
    /// chain (<see cref="ConstantsFile"/>, group <c>/constants</c>), which it reads with that class's reader.
    /// </summary>
    /// <exception cref="CalibrationStoreException">The file is missing, not HDF5, or in neither layout.</exception>
    public static CalibrationConstants Import(string path)
    {
        if (!File.Exists(path))
        {
            throw new CalibrationStoreException($"{path}: file not found");
        }

        try
        {
            using var file = H5File.OpenRead(path);
            if (file.LinkExists(GroupName))
            {
                return Read(path, file.Group(GroupName));
            }

            if (file.LinkExists(ConstantsFile.Group))
            {
                return ConstantsFile.Read(path);
            }

            throw new CalibrationStoreException($"{path}: no /{GroupName} or /{ConstantsFile.Group} group: not a calibration constants file");
        }
        catch (ConstantsFileException exception)
        {
            throw new CalibrationStoreException(exception.Message, exception);
        }
        catch (Exception exception) when (exception is not CalibrationStoreException)
        {
            // PureHDF reports damaged files with many exception types; all mean the same to the caller.
            throw new CalibrationStoreException($"{path}: not a readable calibration constants file ({FirstLine(exception.Message)})", exception);
        }
    }

    private static CalibrationConstants Read(string path, IH5Group group)
    {
        T Attribute<T>(string name) => group.AttributeExists(name)
            ? group.Attribute(name).Read<T>()
            : throw new CalibrationStoreException($"{path}: /{GroupName} has no attribute {name}");

        T[] Dataset<T>(string name, bool required) => group.LinkExists(name)
            ? group.Dataset(name).Read<T[]>()
            : required ? throw new CalibrationStoreException($"{path}: /{GroupName} has no dataset {name}") : [];

        var format = Attribute<int>("format_version");
        if (format != FormatVersion)
        {
            throw new CalibrationStoreException($"{path}: format_version {format} is not the version {FormatVersion} this software reads");
        }

        var validFrom = Attribute<string>("valid_from");
        if (!DateTimeOffset.TryParseExact(validFrom, "o", CultureInfo.InvariantCulture, DateTimeStyles.None, out var validFromTime))
        {
            throw new CalibrationStoreException($"{path}: valid_from '{validFrom}' is not an ISO 8601 time");
        }

        var constants = new CalibrationConstants
        {
            ModuleSerial = Attribute<string>("module_serial"),
            Conditions = new CalibrationConditions(Attribute<double>("temperature_celsius"), Attribute<long>("integration_period_ns"), Attribute<string>("range")),
            ValidFrom = validFromTime,
            Station = Attribute<string>("station"),
            SoftwareVersion = Attribute<string>("software_version"),
            Rows = Attribute<int>("rows"),
            Columns = Attribute<int>("columns"),
            Sides = Attribute<int>("sides"),
            NonlinearityOrder = Attribute<int>("nonlinearity_order"),
            Offset = Dataset<float>(ConstantsArrays.Offset, required: true),
            Noise = Dataset<float>(ConstantsArrays.Noise, required: true),
            Gain = Dataset<float>(ConstantsArrays.Gain, required: true),
            BadChannels = Dataset<uint>(ConstantsArrays.BadChannels, required: true),
            Nonlinearity = Dataset<float>(ConstantsArrays.Nonlinearity, required: false),
            LagAmplitudes = Dataset<float>(ConstantsArrays.LagAmplitudes, required: false),
            LagRates = Dataset<float>(ConstantsArrays.LagRates, required: false),
        };
        try
        {
            constants.Validate();
        }
        catch (ArgumentException exception)
        {
            throw new CalibrationStoreException($"{path}: {exception.Message}", exception);
        }

        return constants;
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}

using System.Globalization;
using DetectorDaq.Calibration.Constants;
using PureHDF;
using PureHDF.VOL.Native;

namespace DetectorDaq.Files.Constants;

/// <summary>
/// One module's <see cref="CalibrationConstants"/> in an HDF5 file (layout in
/// host/DetectorDaq.Calibration/Chain/README.md): group <c>/constants</c> whose attributes are the
/// scalar properties (ModuleSerial, ValidFrom as ISO 8601, Station, SoftwareVersion, Rows, Columns,
/// Sides, NonlinearityOrder, and the conditions TemperatureCelsius, IntegrationPeriodNanoseconds,
/// Range) and whose 1-D datasets are the arrays named as the properties (Offset, Noise, Gain,
/// Nonlinearity, BadChannels, LagAmplitudes, LagRates; empty arrays are left out).
/// </summary>
public static class ConstantsFile
{
    /// <summary>Group holding the constants.</summary>
    public const string Group = "constants";

    /// <summary>Writes <paramref name="constants"/> to <paramref name="path"/> (replaced if it exists).</summary>
    /// <exception cref="ArgumentException">The constants are inconsistent.</exception>
    /// <exception cref="ConstantsFileException">The file cannot be written.</exception>
    public static void Write(string path, CalibrationConstants constants)
    {
        ArgumentNullException.ThrowIfNull(constants);
        constants.Validate();
        var group = new H5Group
        {
            Attributes = new()
            {
                [nameof(constants.ModuleSerial)] = constants.ModuleSerial,
                [nameof(constants.ValidFrom)] = constants.ValidFrom.ToString("o", CultureInfo.InvariantCulture),
                [nameof(constants.Station)] = constants.Station,
                [nameof(constants.SoftwareVersion)] = constants.SoftwareVersion,
                [nameof(constants.Rows)] = constants.Rows,
                [nameof(constants.Columns)] = constants.Columns,
                [nameof(constants.Sides)] = constants.Sides,
                [nameof(constants.NonlinearityOrder)] = constants.NonlinearityOrder,
                [nameof(CalibrationConditions.TemperatureCelsius)] = constants.Conditions.TemperatureCelsius,
                [nameof(CalibrationConditions.IntegrationPeriodNanoseconds)] = constants.Conditions.IntegrationPeriodNanoseconds,
                [nameof(CalibrationConditions.Range)] = constants.Conditions.Range,
            },
            [nameof(constants.Offset)] = constants.Offset,
            [nameof(constants.Noise)] = constants.Noise,
            [nameof(constants.Gain)] = constants.Gain,
            [nameof(constants.BadChannels)] = constants.BadChannels,
        };
        AddIfAny(group, nameof(constants.Nonlinearity), constants.Nonlinearity);
        AddIfAny(group, nameof(constants.LagAmplitudes), constants.LagAmplitudes);
        AddIfAny(group, nameof(constants.LagRates), constants.LagRates);
        try
        {
            new H5File { [Group] = group }.Write(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ConstantsFileException(path, $"cannot write constants ({exception.Message})", exception);
        }
    }

    /// <summary>Reads the constants of <paramref name="path"/>.</summary>
    /// <exception cref="ConstantsFileException">Missing, not HDF5, without the constants group, with a missing or mistyped member, or inconsistent.</exception>
    public static CalibrationConstants Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ConstantsFileException(path, "file not found");
        }

        NativeFile file;
        try
        {
            file = H5File.OpenRead(path);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw new ConstantsFileException(path, $"not a readable HDF5 file ({exception.Message})", exception);
        }

        using (file)
        {
            if (!file.LinkExists(Group))
            {
                throw new ConstantsFileException(path, $"no /{Group} group; not a calibration-constants file");
            }

            var group = file.Group(Group);
            try
            {
                var constants = new CalibrationConstants
                {
                    ModuleSerial = group.Attribute(nameof(CalibrationConstants.ModuleSerial)).Read<string>(),
                    ValidFrom = DateTimeOffset.Parse(group.Attribute(nameof(CalibrationConstants.ValidFrom)).Read<string>(), CultureInfo.InvariantCulture),
                    Station = group.Attribute(nameof(CalibrationConstants.Station)).Read<string>(),
                    SoftwareVersion = group.Attribute(nameof(CalibrationConstants.SoftwareVersion)).Read<string>(),
                    Rows = group.Attribute(nameof(CalibrationConstants.Rows)).Read<int>(),
                    Columns = group.Attribute(nameof(CalibrationConstants.Columns)).Read<int>(),
                    Sides = group.Attribute(nameof(CalibrationConstants.Sides)).Read<int>(),
                    NonlinearityOrder = group.Attribute(nameof(CalibrationConstants.NonlinearityOrder)).Read<int>(),
                    Conditions = new CalibrationConditions(
                        group.Attribute(nameof(CalibrationConditions.TemperatureCelsius)).Read<double>(),
                        group.Attribute(nameof(CalibrationConditions.IntegrationPeriodNanoseconds)).Read<long>(),
                        group.Attribute(nameof(CalibrationConditions.Range)).Read<string>()),
                    Offset = group.Dataset(nameof(CalibrationConstants.Offset)).Read<float[]>(),
                    Noise = group.Dataset(nameof(CalibrationConstants.Noise)).Read<float[]>(),
                    Gain = group.Dataset(nameof(CalibrationConstants.Gain)).Read<float[]>(),
                    BadChannels = group.Dataset(nameof(CalibrationConstants.BadChannels)).Read<uint[]>(),
                    Nonlinearity = ReadIfPresent(group, nameof(CalibrationConstants.Nonlinearity)),
                    LagAmplitudes = ReadIfPresent(group, nameof(CalibrationConstants.LagAmplitudes)),
                    LagRates = ReadIfPresent(group, nameof(CalibrationConstants.LagRates)),
                };
                constants.Validate();
                return constants;
            }
            catch (ArgumentException exception)
            {
                throw new ConstantsFileException(path, exception.Message, exception);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                throw new ConstantsFileException(path, $"/{Group} is incomplete or mistyped ({exception.Message})", exception);
            }
        }
    }

    private static void AddIfAny(H5Group group, string name, float[] values)
    {
        if (values.Length > 0)
        {
            group[name] = values;
        }
    }

    private static float[] ReadIfPresent(IH5Group group, string name) =>
        group.LinkExists(name) ? group.Dataset(name).Read<float[]>() : [];
}

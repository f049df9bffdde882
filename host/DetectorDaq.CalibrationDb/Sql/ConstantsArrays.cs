using DetectorDaq.Calibration.Constants;

namespace DetectorDaq.CalibrationDb.Sql;

/// <summary>
/// Maps the arrays of <see cref="CalibrationConstants"/> to rows of <c>constants_arrays</c>, one row per
/// non-empty array, named as the datasets of the HDF5 constants file.
/// </summary>
internal static class ConstantsArrays
{
    public const string Offset = "offset";
    public const string Noise = "noise";
    public const string Gain = "gain";
    public const string Nonlinearity = "nonlinearity";
    public const string BadChannels = "bad_channels";
    public const string LagAmplitudes = "lag_amplitudes";
    public const string LagRates = "lag_rates";

    public static IEnumerable<(string Name, string Type, int Count, byte[] Data)> Encode(CalibrationConstants constants)
    {
        var floats = new[]
        {
            (Offset, constants.Offset),
            (Noise, constants.Noise),
            (Gain, constants.Gain),
            (Nonlinearity, constants.Nonlinearity),
            (LagAmplitudes, constants.LagAmplitudes),
            (LagRates, constants.LagRates),
        };
        foreach (var (name, values) in floats.Where(array => array.Item2.Length > 0))
        {
            yield return (name, ArrayCodec.Float32, values.Length, ArrayCodec.Encode(values));
        }

        yield return (BadChannels, ArrayCodec.UInt32, constants.BadChannels.Length, ArrayCodec.Encode(constants.BadChannels));
    }

    public static CalibrationConstants Decode(
        CalibrationVersionSummary summary,
        int nonlinearityOrder,
        IReadOnlyDictionary<string, (string Type, int Count, byte[] Data)> arrays,
        string location)
    {
        float[] Single(string name) => arrays.TryGetValue(name, out var array)
            ? ArrayCodec.DecodeSingle(Checked(name, array, ArrayCodec.Float32))
            : [];

        byte[] Checked(string name, (string Type, int Count, byte[] Data) array, string type)
        {
            if (array.Type != type || array.Data.Length != array.Count * 4)
            {
                throw new CalibrationStoreException(
                    $"{location}: version {summary.VersionId} array {name} holds {array.Data.Length} bytes of {array.Type}, expected {array.Count} values of {type}");
            }

            return array.Data;
        }

        var constants = new CalibrationConstants
        {
            ModuleSerial = summary.ModuleSerial,
            Conditions = summary.Conditions,
            ValidFrom = summary.ValidFrom,
            Station = summary.Station,
            SoftwareVersion = summary.SoftwareVersion,
            Rows = summary.Rows,
            Columns = summary.Columns,
            Sides = summary.Sides,
            Offset = Single(Offset),
            Noise = Single(Noise),
            Gain = Single(Gain),
            Nonlinearity = Single(Nonlinearity),
            NonlinearityOrder = nonlinearityOrder,
            BadChannels = arrays.TryGetValue(BadChannels, out var bad) ? ArrayCodec.DecodeUInt32(Checked(BadChannels, bad, ArrayCodec.UInt32)) : [],
            LagAmplitudes = Single(LagAmplitudes),
            LagRates = Single(LagRates),
        };
        try
        {
            constants.Validate();
        }
        catch (ArgumentException exception)
        {
            throw new CalibrationStoreException($"{location}: version {summary.VersionId}: {exception.Message}", exception);
        }

        return constants;
    }
}

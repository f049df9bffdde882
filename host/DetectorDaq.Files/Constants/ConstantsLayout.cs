using System.Globalization;
using System.Runtime.CompilerServices;
using DetectorDaq.Calibration.Constants;
using PureHDF;

namespace DetectorDaq.Files.Constants;

/// <summary>
/// The members of the <c>/calibration_constants</c> group and their conversion from and to
/// <see cref="CalibrationConstants"/>: names, element types and shapes are checked on reading, so a file
/// of another layout is refused naming the member instead of being misread.
/// </summary>
internal static class ConstantsLayout
{
    private const string FormatVersion = "format_version";
    private const string ModuleSerial = "module_serial";
    private const string ValidFrom = "valid_from";
    private const string TemperatureCelsius = "temperature_celsius";
    private const string IntegrationPeriod = "integration_period_ns";
    private const string Range = "range";
    private const string Station = "station";
    private const string SoftwareVersion = "software_version";
    private const string Rows = "rows";
    private const string Columns = "columns";
    private const string Sides = "sides";
    private const string NonlinearityOrder = "nonlinearity_order";
    private const string VersionId = "version_id";
    private const string CreatedAt = "created_at";
    private const string Offset = "offset";
    private const string Noise = "noise";
    private const string Gain = "gain";
    private const string Nonlinearity = "nonlinearity";
    private const string BadChannels = "bad_channels";
    private const string LagAmplitudes = "lag_amplitudes";
    private const string LagRates = "lag_rates";

    public static H5Group ToGroup(CalibrationConstants constants, ConstantsOrigin? origin)
    {
        var (sides, rows, columns) = ((ulong)constants.Sides, (ulong)constants.Rows, (ulong)constants.Columns);
        var group = new H5Group
        {
            Attributes = new()
            {
                [FormatVersion] = ConstantsFile.FormatVersion,
                [ModuleSerial] = constants.ModuleSerial,
                [ValidFrom] = Time(constants.ValidFrom),
                [TemperatureCelsius] = constants.Conditions.TemperatureCelsius,
                [IntegrationPeriod] = constants.Conditions.IntegrationPeriodNanoseconds,
                [Range] = constants.Conditions.Range,
                [Station] = constants.Station,
                [SoftwareVersion] = constants.SoftwareVersion,
                [Rows] = constants.Rows,
                [Columns] = constants.Columns,
                [Sides] = constants.Sides,
                [NonlinearityOrder] = constants.NonlinearityOrder,
            },
            [Offset] = Described(constants.Offset, [sides, rows, columns], "codes", "dark offset per side and channel (mean or median of dark frames)"),
            [Noise] = Described(constants.Noise, [sides, rows, columns], "codes", "dark noise per side and channel (standard deviation of dark frames)"),
            [Gain] = Described(constants.Gain, [sides, rows, columns], "1", "relative gain per side and channel (1 = the module's median response)"),
            [BadChannels] = new H5Dataset<uint[]>(constants.BadChannels, fileDims: [rows, columns])
            {
                Attributes = new()
                {
                    ["description"] = "bad-channel bit mask per channel, both sides folded together; bits in flag_masks / flag_meanings (CF conventions)",
                    ["flag_masks"] = BadChannelBits.Select(flag => (uint)flag).ToArray(),
                    ["flag_meanings"] = string.Join(' ', BadChannelBits),
                },
            },
        };
        if (origin is not null)
        {
            group.Attributes[VersionId] = origin.VersionId;
            group.Attributes[CreatedAt] = Time(origin.CreatedAt);
        }

        if (constants.NonlinearityOrder > 0)
        {
            group[Nonlinearity] = Described(constants.Nonlinearity, [sides, rows, columns, (ulong)constants.NonlinearityOrder + 1], "1", "polynomial coefficients c0..cn per side and channel mapping offset-subtracted codes x to linearised codes sum(ci * x^i)");
        }

        if (constants.LagAmplitudes.Length > 0)
        {
            var terms = (ulong)constants.LagAmplitudes.Length;
            group[LagAmplitudes] = Described(constants.LagAmplitudes, [terms], "1", "amplitudes a_n of the lag impulse response h(m) = sum(a_n * exp(-b_n * m)), m >= 1 frames");
            group[LagRates] = Described(constants.LagRates, [terms], "1/frame", "decay rates b_n of the lag impulse response terms");
        }

        return group;
    }

    public static CalibrationConstants FromGroup(IH5Group group, out ConstantsOrigin? origin)
    {
        var format = Attribute<int>(group, FormatVersion);
        if (format != ConstantsFile.FormatVersion)
        {
            throw new ConstantsLayoutException($"format_version {format} is not the version {ConstantsFile.FormatVersion} this software reads");
        }

        var (rows, columns, sides, order) = (Attribute<int>(group, Rows), Attribute<int>(group, Columns), Attribute<int>(group, Sides), Attribute<int>(group, NonlinearityOrder));
        if (rows < 1 || columns < 1 || sides is < 1 or > 2 || order < 0)
        {
            throw new ConstantsLayoutException($"layout {rows} rows x {columns} columns x {sides} sides with nonlinearity order {order} is not valid");
        }

        ulong[] perSide = [(ulong)sides, (ulong)rows, (ulong)columns];
        var lag = group.LinkExists(LagAmplitudes) ? Dimensions(group, LagAmplitudes) : [0];
        origin = group.AttributeExists(VersionId) ? new ConstantsOrigin(Attribute<long>(group, VersionId), ParseTime(Attribute<string>(group, CreatedAt), CreatedAt)) : null;
        var constants = new CalibrationConstants
        {
            ModuleSerial = Attribute<string>(group, ModuleSerial),
            Conditions = new CalibrationConditions(Attribute<double>(group, TemperatureCelsius), Attribute<long>(group, IntegrationPeriod), Attribute<string>(group, Range)),
            ValidFrom = ParseTime(Attribute<string>(group, ValidFrom), ValidFrom),
            Station = Attribute<string>(group, Station),
            SoftwareVersion = Attribute<string>(group, SoftwareVersion),
            Rows = rows,
            Columns = columns,
            Sides = sides,
            NonlinearityOrder = order,
            Offset = Floats(group, Offset, perSide),
            Noise = Floats(group, Noise, perSide),
            Gain = Floats(group, Gain, perSide),
            Nonlinearity = order > 0 ? Floats(group, Nonlinearity, [.. perSide, (ulong)order + 1]) : [],
            BadChannels = Array<uint>(group, BadChannels, [(ulong)rows, (ulong)columns], H5DataTypeClass.FixedPoint, "uint32"),
            LagAmplitudes = lag[0] > 0 ? Floats(group, LagAmplitudes, lag) : [],
            LagRates = lag[0] > 0 ? Floats(group, LagRates, lag) : [],
        };
        constants.Validate();
        return constants;
    }

    private static BadChannelFlags[] BadChannelBits => Enum.GetValues<BadChannelFlags>().Where(flag => flag != BadChannelFlags.None).ToArray();

    private static string Time(DateTimeOffset time) => time.ToString("o", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text, string name) =>
        DateTimeOffset.TryParseExact(text, "o", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new ConstantsLayoutException($"{name} '{text}' is not an ISO 8601 round-trip time");

    private static H5Dataset<float[]> Described(float[] values, ulong[] dimensions, string units, string description) =>
        new(values, fileDims: dimensions) { Attributes = new() { ["units"] = units, ["description"] = description } };

    private static T Attribute<T>(IH5Group group, string name) =>
        group.AttributeExists(name) ? group.Attribute(name).Read<T>() : throw new ConstantsLayoutException($"no attribute {name}");

    private static ulong[] Dimensions(IH5Group group, string name) =>
        group.LinkExists(name) && group.Get(name) is IH5Dataset dataset ? dataset.Space.Dimensions : throw new ConstantsLayoutException($"no dataset {name}");

    private static float[] Floats(IH5Group group, string name, ulong[] dimensions) =>
        Array<float>(group, name, dimensions, H5DataTypeClass.FloatingPoint, "float32");

    private static T[] Array<T>(IH5Group group, string name, ulong[] dimensions, H5DataTypeClass type, string typeName)
        where T : unmanaged
    {
        var actual = Dimensions(group, name);
        var dataset = group.Dataset(name);
        var signedMismatch = type == H5DataTypeClass.FixedPoint && dataset.Type.Class == type && dataset.Type.FixedPoint.IsSigned;
        if (dataset.Type.Class != type || dataset.Type.Size != Unsafe.SizeOf<T>() || signedMismatch)
        {
            throw new ConstantsLayoutException($"{name} is {dataset.Type.Class} of {dataset.Type.Size} bytes, expected {typeName}");
        }

        if (!actual.SequenceEqual(dimensions))
        {
            throw new ConstantsLayoutException($"{name} has shape [{string.Join(", ", actual)}], expected [{string.Join(", ", dimensions)}]");
        }

        return dataset.Read<T[]>();
    }
}

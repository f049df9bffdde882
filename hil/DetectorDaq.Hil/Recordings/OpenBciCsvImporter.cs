using System.Globalization;

namespace DetectorDaq.Hil.Recordings;

/// <summary>
/// Imports an OpenBCI GUI raw EXG text file (ADS1299 on a Cyton board): <c>%</c> comment lines
/// (<c>%Sample Rate = 250 Hz</c> sets the sample period), one column-title line, then comma-separated
/// rows of sample index, 8 EXG channels in µV, then accelerometer, aux and timestamp columns that are
/// ignored. The result is a voltage recording of 1 × 8 channels in volts (V = µV × 1e-6), sample
/// period 1 / sample rate (4 ms at the default 250 SPS).
/// </summary>
public static class OpenBciCsvImporter
{
    /// <summary>EXG channels of the Cyton board.</summary>
    public const int Channels = 8;

    /// <summary>Sample rate assumed when no <c>%Sample Rate</c> line is present, samples/s.</summary>
    public const int DefaultSampleRate = 250;

    private const double VoltsPerMicrovolt = 1e-6;

    /// <summary>Imports <paramref name="path"/>.</summary>
    /// <exception cref="RecordingException">The file is missing, empty, or a row is malformed.</exception>
    public static Recording Import(string path)
    {
        if (!File.Exists(path))
        {
            throw new RecordingException(path, "file not found");
        }

        var sampleRate = DefaultSampleRate;
        var values = new List<double>();
        var lineNumber = 0;
        var sawTitle = false;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.StartsWith('%'))
            {
                sampleRate = ParseSampleRate(path, line, lineNumber) ?? sampleRate;
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!sawTitle && line.StartsWith("Sample Index", StringComparison.OrdinalIgnoreCase))
            {
                sawTitle = true;
                continue;
            }

            ParseRow(path, line, lineNumber, values);
        }

        if (values.Count == 0)
        {
            throw new RecordingException(path, "no data rows: not an OpenBCI raw EXG file");
        }

        return new Recording(RecordingKind.Voltage, 1_000_000_000L / sampleRate, 1, Channels, values.ToArray(), source: $"OpenBCI {Path.GetFileName(path)}", sourceScale: VoltsPerMicrovolt);
    }

    private static int? ParseSampleRate(string path, string line, int lineNumber)
    {
        const string prefix = "%Sample Rate =";
        if (!line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var text = line[prefix.Length..].Replace("Hz", "", StringComparison.OrdinalIgnoreCase).Trim();
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var rate) && rate > 0
            ? rate
            : throw new RecordingException(path, $"line {lineNumber}: sample rate '{text}' is not a positive whole number of Hz");
    }

    private static void ParseRow(string path, string line, int lineNumber, List<double> values)
    {
        var fields = line.Split(',');
        if (fields.Length < 1 + Channels)
        {
            throw new RecordingException(path, $"line {lineNumber}: {fields.Length} columns, expected a sample index and {Channels} EXG channels");
        }

        for (var channel = 0; channel < Channels; channel++)
        {
            var field = fields[1 + channel].Trim();
            if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var microvolts) || !double.IsFinite(microvolts))
            {
                throw new RecordingException(path, $"line {lineNumber}: EXG channel {channel} '{field}' is not a number");
            }

            values.Add(microvolts * VoltsPerMicrovolt);
        }
    }
}

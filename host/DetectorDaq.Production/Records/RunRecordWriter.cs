using System.Text.Json;
using System.Text.Json.Serialization;

namespace DetectorDaq.Production.Records;

/// <summary>The JSON form of <see cref="RunRecord"/>: camelCase names, outcomes as upper-case words (PASS, FAIL…), NaN as a string.</summary>
public static class RunRecordWriter
{
    /// <summary>Serializer options of the record.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(new UpperCaseNamingPolicy()) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The record as JSON text.</summary>
    public static string ToJson(RunRecord record) => JsonSerializer.Serialize(record, Options);

    /// <summary>Writes the record to <paramref name="path"/>.</summary>
    public static void Write(RunRecord record, string path) => File.WriteAllText(path, ToJson(record));

    private sealed class UpperCaseNamingPolicy : JsonNamingPolicy
    {
        public override string ConvertName(string name) => name.ToUpperInvariant();
    }
}

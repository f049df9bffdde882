using System.Text.Json;
using DetectorDaq.Interfaces.Model;

namespace DetectorDaq.Interfaces.Rendering;

/// <summary>
/// Emits a register map as JSON:
/// <c>{"chip", "registers": [{"name", "address", "reset", "access", "fields": [{"name", "lsb", "width"}]}]}</c>,
/// with the source, description and confirmation of each entry beside those keys.
/// </summary>
public static class JsonRenderer
{
    /// <summary>Renders <paramref name="map"/> as indented JSON.</summary>
    public static string RenderRegisterMap(RegisterMap map)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("chip", map.Name);
            json.WriteString("title", map.Title);
            json.WriteString("datasheet", map.Datasheet);
            json.WriteNumber("word_bits", map.WordBits);
            json.WriteStartArray("registers");
            foreach (var register in map.Registers)
            {
                json.WriteStartObject();
                json.WriteString("name", register.Name);
                json.WriteNumber("address", register.Address);
                json.WriteNumber("reset", register.Reset);
                json.WriteString("access", register.Access.ToShortName());
                json.WriteNumber("reset_known_mask", register.ResetKnownMask);
                json.WriteString("description", register.Description);
                json.WriteString("source", register.Source);
                json.WriteStartArray("fields");
                foreach (var field in register.Fields)
                {
                    json.WriteStartObject();
                    json.WriteString("name", field.Name);
                    json.WriteNumber("lsb", field.Lsb);
                    json.WriteNumber("width", field.Width);
                    json.WriteString("access", field.Access.ToShortName());
                    json.WriteBoolean("confirmed", field.Confirmed);
                    if (field.EnumName is { } enumName)
                    {
                        json.WriteString("enum", enumName);
                    }

                    json.WriteString("description", field.Description);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}

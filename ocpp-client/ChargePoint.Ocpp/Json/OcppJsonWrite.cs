using System.Text.Json;

namespace ChargePoint.Ocpp.Json;

/// <summary>Helpers for the generated writers.</summary>
public static class OcppJsonWrite
{
    /// <summary>Date-times go out in UTC with a 'Z' (RFC 3339), whatever offset the value carries.</summary>
    public static void DateTime(Utf8JsonWriter writer, DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime);
    }

    public static void Unknown(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonElement>? members)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (members is null)
        {
            return;
        }

        foreach (var (name, value) in members)
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }
    }
}

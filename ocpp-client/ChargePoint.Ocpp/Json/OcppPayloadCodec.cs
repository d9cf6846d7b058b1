using System.Buffers;
using System.Text.Json;

namespace ChargePoint.Ocpp.Json;

/// <summary>Serialises generated payload types and checks JSON payloads against their generated schema validators.</summary>
public static class OcppPayloadCodec
{
    /// <summary>Writes <paramref name="payload"/> as UTF-8 JSON.</summary>
    public static byte[] Serialize<T>(T payload)
        where T : IOcppJsonObject<T>
    {
        ArgumentNullException.ThrowIfNull(payload);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            payload.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Validates then reads; returns the violations instead of a value when the payload breaks the schema.</summary>
    public static bool TryRead<T>(JsonElement payload, OcppValidationContext context, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value)
        where T : IOcppJsonObject<T>
    {
        ArgumentNullException.ThrowIfNull(context);
        T.Validate(payload, context);
        value = context.IsValid ? T.ReadFrom(payload) : default;
        return value is not null;
    }

    /// <summary>Checks a value built in code against its own schema (e.g. before it is sent or stored).</summary>
    public static OcppValidationContext Check<T>(T payload)
        where T : IOcppJsonObject<T>
    {
        using var document = JsonDocument.Parse(Serialize(payload));
        var context = new OcppValidationContext();
        T.Validate(document.RootElement, context);
        return context;
    }
}

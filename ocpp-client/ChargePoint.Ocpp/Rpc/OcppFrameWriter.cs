using System.Buffers;
using System.Text.Json;
using ChargePoint.Ocpp.Json;

namespace ChargePoint.Ocpp.Rpc;

/// <summary>Builds OCPP-J frames. Payloads are checked against their schema before they leave the station.</summary>
public static class OcppFrameWriter
{
    /// <summary>OCPP-J caps errorDescription at 255 characters.</summary>
    public const int MaxErrorDescription = 255;

    /// <summary>Serialises and validates a payload; a violation here is a bug in the station, reported as such.</summary>
    public static byte[] CheckedPayload<T>(T payload)
        where T : IOcppJsonObject<T>
    {
        var bytes = OcppPayloadCodec.Serialize(payload);
        using var document = JsonDocument.Parse(bytes);
        var context = new OcppValidationContext();
        T.Validate(document.RootElement, context);
        if (!context.IsValid)
        {
            throw new InvalidOperationException($"Outbound {typeof(T).Name} breaks its schema: {context}");
        }

        return bytes;
    }

    public static byte[] Call(string messageId, string action, ReadOnlySpan<byte> payload) =>
        Write(w =>
        {
            w.WriteNumberValue((int)OcppMessageType.Call);
            w.WriteStringValue(messageId);
            w.WriteStringValue(action);
        }, payload);

    public static byte[] Send(string messageId, string action, ReadOnlySpan<byte> payload) =>
        Write(w =>
        {
            w.WriteNumberValue((int)OcppMessageType.Send);
            w.WriteStringValue(messageId);
            w.WriteStringValue(action);
        }, payload);

    public static byte[] CallResult(string messageId, ReadOnlySpan<byte> payload) =>
        Write(w =>
        {
            w.WriteNumberValue((int)OcppMessageType.CallResult);
            w.WriteStringValue(messageId);
        }, payload);

    public static byte[] CallError(string messageId, OcppErrorCode code, string description) =>
        Error(OcppMessageType.CallError, messageId, code, description);

    public static byte[] CallResultError(string messageId, OcppErrorCode code, string description) =>
        Error(OcppMessageType.CallResultError, messageId, code, description);

    private static byte[] Error(OcppMessageType type, string messageId, OcppErrorCode code, string description) =>
        Write(w =>
        {
            w.WriteNumberValue((int)type);
            w.WriteStringValue(messageId);
            w.WriteStringValue(code.ToString());
            w.WriteStringValue(description.Length <= MaxErrorDescription ? description : description[..MaxErrorDescription]);
        }, "{}"u8);

    private static byte[] Write(Action<Utf8JsonWriter> head, ReadOnlySpan<byte> payload)
    {
        var buffer = new ArrayBufferWriter<byte>(payload.Length + 96);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            head(writer);
            writer.WriteRawValue(payload, skipInputValidation: true);
            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }
}

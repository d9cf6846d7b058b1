using System.Text.Json;
using ChargePoint.Ocpp.Json;

namespace ChargePoint.Ocpp.Rpc;

/// <summary>
/// The envelope of one received frame, checked per OCPP-J: a JSON array whose first element is the message type
/// and whose second is a message id of at most 36 characters.
/// </summary>
public readonly record struct OcppInboundFrame(OcppMessageType Type, string MessageId, string? Action, JsonElement Payload, OcppErrorCode? ErrorCode, string? ErrorDescription)
{
    public const int MaxMessageIdLength = 36;

    /// <summary>Parses the envelope; on failure returns the CALLERROR to send (with id "-1" when none could be read).</summary>
    public static bool TryParse(JsonElement root, out OcppInboundFrame frame, out (string MessageId, OcppErrorCode Code, string Description)? error)
    {
        frame = default;
        error = null;
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() < 3)
        {
            error = ("-1", OcppErrorCode.RpcFrameworkError, "frame must be a JSON array of at least 3 elements");
            return false;
        }

        var typeElement = root[0];
        var idElement = root[1];
        var id = idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : "-1";
        if (typeElement.ValueKind != JsonValueKind.Number || !typeElement.TryGetInt32(out var type))
        {
            error = (id, OcppErrorCode.RpcFrameworkError, "message type must be a number");
            return false;
        }

        if (idElement.ValueKind != JsonValueKind.String || id.Length is 0 or > MaxMessageIdLength)
        {
            error = ("-1", OcppErrorCode.RpcFrameworkError, "message id must be a string of 1..36 characters");
            return false;
        }

        var length = root.GetArrayLength();
        switch ((OcppMessageType)type)
        {
            case OcppMessageType.Call or OcppMessageType.Send when length == 4 && root[2].ValueKind == JsonValueKind.String:
                frame = new OcppInboundFrame((OcppMessageType)type, id, root[2].GetString(), root[3], null, null);
                return true;
            case OcppMessageType.Call or OcppMessageType.Send:
                error = (id, OcppErrorCode.RpcFrameworkError, "CALL must be [2, id, action, payload]");
                return false;
            case OcppMessageType.CallResult when length == 3:
                frame = new OcppInboundFrame(OcppMessageType.CallResult, id, null, root[2], null, null);
                return true;
            case OcppMessageType.CallError or OcppMessageType.CallResultError when length == 5:
                var code = root[2].ValueKind == JsonValueKind.String && Enum.TryParse<OcppErrorCode>(root[2].GetString(), out var c) ? c : OcppErrorCode.GenericError;
                var description = root[3].ValueKind == JsonValueKind.String ? root[3].GetString() : null;
                frame = new OcppInboundFrame((OcppMessageType)type, id, null, root[4], code, description);
                return true;
            case OcppMessageType.CallResult or OcppMessageType.CallError or OcppMessageType.CallResultError:
                error = (id, OcppErrorCode.RpcFrameworkError, "malformed response frame");
                return false;
            default:
                // OCPP-J extension fallback: an unknown message type is answered with MessageTypeNotSupported.
                error = (id, OcppErrorCode.MessageTypeNotSupported, $"message type {type} is not supported");
                return false;
        }
    }
}

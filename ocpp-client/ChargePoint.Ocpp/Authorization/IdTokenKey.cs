using System.Text;
using System.Text.Json;
using ChargePoint.Ocpp.Json;
using ChargePoint.Ocpp.Messages;

namespace ChargePoint.Ocpp.Authorization;

/// <summary>How id tokens and their info are keyed and stored. IdToken values compare case-insensitively (2.1 IdTokenType).</summary>
internal static class IdTokenKey
{
    public static string Of(IdTokenType token) => token.Type + "|" + token.IdToken.ToUpperInvariant();

    public static string Json<T>(T value)
        where T : IOcppJsonObject<T> => Encoding.UTF8.GetString(OcppPayloadCodec.Serialize(value));

    public static T Read<T>(string json)
        where T : IOcppJsonObject<T>
    {
        using var document = JsonDocument.Parse(json);
        return T.ReadFrom(document.RootElement);
    }
}

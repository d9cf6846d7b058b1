using System.Text.Json;

namespace ChargePoint.Ocpp.Json;

/// <summary>Which side of an exchange a payload schema describes.</summary>
public enum OcppPayloadRole
{
    Request,
    Response,

    /// <summary>OCPP 2.1 SEND frame (message type 6): unconfirmed.</summary>
    Send,
}

/// <summary>A generated schema check for one payload type.</summary>
public delegate void OcppPayloadValidator(JsonElement payload, OcppValidationContext context);

/// <summary>A type generated from an OCPP schema object: read, write and validate.</summary>
public interface IOcppJsonObject<TSelf>
    where TSelf : IOcppJsonObject<TSelf>
{
    static abstract TSelf ReadFrom(JsonElement element);

    static abstract void Validate(JsonElement element, OcppValidationContext context);

    void WriteTo(Utf8JsonWriter writer);
}

/// <summary>The root payload of an OCPP message.</summary>
public interface IOcppMessage<TSelf> : IOcppJsonObject<TSelf>
    where TSelf : IOcppMessage<TSelf>
{
    static abstract string MessageAction { get; }
}

/// <summary>A request payload paired with its response payload.</summary>
public interface IOcppRequest<TSelf, TResponse> : IOcppMessage<TSelf>
    where TSelf : IOcppRequest<TSelf, TResponse>
    where TResponse : IOcppMessage<TResponse>
{
}

/// <summary>A payload carried by an OCPP 2.1 SEND frame.</summary>
public interface IOcppSend<TSelf> : IOcppMessage<TSelf>
    where TSelf : IOcppSend<TSelf>
{
}

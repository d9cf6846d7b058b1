namespace ChargePoint.Ocpp.Json;

/// <summary>OCPP-J 2.x RPC error codes (the wire string is the member name).</summary>
public enum OcppErrorCode
{
    /// <summary>Payload is not valid JSON or does not follow the PDU structure (e.g. a property the schema forbids).</summary>
    FormatViolation,
    GenericError,
    InternalError,
    MessageTypeNotSupported,
    NotImplemented,
    NotSupported,

    /// <summary>A required property is missing or an array has too few or too many items.</summary>
    OccurrenceConstraintViolation,

    /// <summary>A value is outside its enumeration, length or numeric bounds.</summary>
    PropertyConstraintViolation,
    ProtocolError,
    RpcFrameworkError,
    SecurityError,

    /// <summary>A value has the wrong JSON type (e.g. a string where a number is due) or is not a date-time.</summary>
    TypeConstraintViolation,
}

namespace ChargePoint.Ocpp.Rpc;

/// <summary>OCPP-J message type numbers (first array element of every frame).</summary>
public enum OcppMessageType
{
    Call = 2,
    CallResult = 3,
    CallError = 4,

    /// <summary>OCPP 2.1: answers a CALLRESULT that the receiver found invalid.</summary>
    CallResultError = 5,

    /// <summary>OCPP 2.1: an unconfirmed message.</summary>
    Send = 6,
}

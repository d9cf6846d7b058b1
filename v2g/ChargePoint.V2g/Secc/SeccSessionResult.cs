using ChargePoint.V2g.AppProtocol;

namespace ChargePoint.V2g.Secc;

/// <summary>How one connection's session ended.</summary>
public sealed record SeccSessionResult(SafeStateReason Reason, V2gApplicationProtocol? Protocol, byte[] SessionId, int Requests, string LastState);

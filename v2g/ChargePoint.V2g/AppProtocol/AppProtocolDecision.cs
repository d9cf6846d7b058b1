using ChargePoint.V2g.Exi.AppProtocol;

namespace ChargePoint.V2g.AppProtocol;

/// <summary>Outcome of SupportedAppProtocol: the response to send and the protocol the session continues with
/// (<see cref="V2gApplicationProtocol.None"/> when negotiation failed; the SECC then closes the connection).</summary>
public sealed record AppProtocolDecision(supportedAppProtocolResType Response, V2gApplicationProtocol Protocol, string Reason)
{
    public bool Succeeded => Protocol != V2gApplicationProtocol.None;
}

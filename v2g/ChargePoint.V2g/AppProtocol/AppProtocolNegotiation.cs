using ChargePoint.V2g.Exi.AppProtocol;

namespace ChargePoint.V2g.AppProtocol;

/// <summary>The outcome of SupportedAppProtocol: the response to send and, on success, what was chosen.</summary>
public sealed record AppProtocolNegotiation(supportedAppProtocolResType Response, SupportedAppProtocol? Selected, byte? SchemaId)
{
    public bool Succeeded => Selected is not null;
}

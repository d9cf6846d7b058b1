using ChargePoint.V2g.Exi.AppProtocol;
using ChargePoint.V2g.Transport;

namespace ChargePoint.V2g.AppProtocol;

/// <summary>
/// SECC side of SupportedAppProtocol, a pure function. Walks the EV's entries from Priority 1 (highest)
/// down and selects the first one we support ([V2G20-169]): same namespace and same major version. A
/// different minor version selects with OK_SuccessfulNegotiationWithMinorDeviation. Unknown (e.g.
/// proprietary) namespaces are skipped, not fatal. -20 entries are skipped unless the connection is TLS 1.3
/// ([V2G20-2356]). Nothing usable: Failed_NoNegotiation without SchemaID; the SECC then closes the session.
/// </summary>
public static class AppProtocolNegotiator
{
    public static AppProtocolNegotiation Negotiate(
        supportedAppProtocolReqType request,
        IReadOnlyList<SupportedAppProtocol> supported,
        V2gTransportSecurity security)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(supported);
        ArgumentNullException.ThrowIfNull(security);

        // Stable order: equal priorities (a malformed offer) keep the EV's listing order.
        foreach (var offered in request.AppProtocol.OrderBy(p => p.Priority))
        {
            var match = supported.FirstOrDefault(s =>
                string.Equals(s.Namespace, offered.ProtocolNamespace, StringComparison.Ordinal)
                && s.VersionMajor == offered.VersionNumberMajor);
            if (match is null || (V2gApplicationProtocols.IsIso20(match.Protocol) && !security.PermitsIso15118Part20))
            {
                continue;
            }

            var code = match.VersionMinor == offered.VersionNumberMinor
                ? responseCodeType.OK_SuccessfulNegotiation
                : responseCodeType.OK_SuccessfulNegotiationWithMinorDeviation;
            return new AppProtocolNegotiation(
                new supportedAppProtocolResType { ResponseCode = code, SchemaID = offered.SchemaID },
                match,
                offered.SchemaID);
        }

        return new AppProtocolNegotiation(
            new supportedAppProtocolResType { ResponseCode = responseCodeType.Failed_NoNegotiation },
            Selected: null,
            SchemaId: null);
    }
}

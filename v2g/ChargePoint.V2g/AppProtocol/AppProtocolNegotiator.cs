using ChargePoint.V2g.Exi.AppProtocol;
using ChargePoint.V2g.Transport;

namespace ChargePoint.V2g.AppProtocol;

/// <summary>
/// Pure SupportedAppProtocol handler. Picks the EV's highest-priority entry (Priority 1 is highest,
/// [V2G20-169]) among the protocols we offer, skipping namespaces we do not know (real EVs put proprietary
/// ones first). ISO 15118-20 is never selected on plain TCP or TLS 1.2 ([V2G20-2356]). An EV offering only
/// ISO 15118-2 or DIN 70121 gets Failed_NoNegotiation: those fallbacks are not implemented, and the standard's
/// answer when no offered protocol is supported is Failed_NoNegotiation without a SchemaID.
/// </summary>
public static class AppProtocolNegotiator
{
    public static AppProtocolDecision Negotiate(
        supportedAppProtocolReqType request,
        V2gTransportSecurity security,
        IReadOnlyCollection<V2gApplicationProtocol> offered)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(security);
        ArgumentNullException.ThrowIfNull(offered);
        var part20Refused = false;
        foreach (var entry in request.AppProtocol.OrderBy(e => e.Priority))
        {
            var protocol = AppProtocolNamespaces.ToProtocol(entry.ProtocolNamespace);
            if (protocol == V2gApplicationProtocol.None || !offered.Contains(protocol) || entry.VersionNumberMajor != AppProtocolNamespaces.Iso20Major)
            {
                continue;
            }

            if (!security.PermitsIso15118Part20)
            {
                part20Refused = true;
                continue;
            }

            var code = entry.VersionNumberMinor == AppProtocolNamespaces.Iso20Minor
                ? responseCodeType.OK_SuccessfulNegotiation
                : responseCodeType.OK_SuccessfulNegotiationWithMinorDeviation;
            return new AppProtocolDecision(
                new supportedAppProtocolResType { ResponseCode = code, SchemaID = entry.SchemaID },
                protocol,
                $"{entry.ProtocolNamespace} {entry.VersionNumberMajor}.{entry.VersionNumberMinor} (priority {entry.Priority})");
        }

        var reason = part20Refused
            ? $"ISO 15118-20 offered over {security}, which is not TLS 1.3 [V2G20-2356]"
            : "no offered protocol is supported: " + string.Join(", ", request.AppProtocol.Select(e => e.ProtocolNamespace));
        return new AppProtocolDecision(
            new supportedAppProtocolResType { ResponseCode = responseCodeType.Failed_NoNegotiation },
            V2gApplicationProtocol.None,
            reason);
    }
}

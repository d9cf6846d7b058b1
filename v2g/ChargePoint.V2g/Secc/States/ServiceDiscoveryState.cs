using ChargePoint.V2g.Exi.Iso20;
using ChargePoint.V2g.Exi.Iso20.CommonMessages;

namespace ChargePoint.V2g.Secc.States;

/// <summary>ServiceDiscovery: the energy transfer services of the negotiated namespace (AC or DC), restricted to
/// the EV's SupportedServiceIDs when it sent them; no value-added services.</summary>
public static class ServiceDiscoveryHandler
{
    public static ServiceDiscoveryResType Handle(ServiceDiscoveryReqType request, ISessionView session)
    {
        var offered = ServiceCatalog.Offered(session.Options, session.Protocol)
            .Where(s => request.SupportedServiceIDs is null || request.SupportedServiceIDs.ServiceID.Contains((ushort)s))
            .Select(s => new ServiceType { ServiceID = (ushort)s, FreeService = false })
            .ToList();
        if (offered.Count == 0)
        {
            return (ServiceDiscoveryResType)FailedResponses.For(request, responseCodeType.FAILED_NoEnergyTransferServiceSelected);
        }

        return new ServiceDiscoveryResType
        {
            ResponseCode = responseCodeType.OK,
            ServiceRenegotiationSupported = session.Options.ServiceRenegotiationSupported,
            EnergyTransferServiceList = new ServiceListType { Service = offered },
        };
    }
}

public sealed class ServiceDiscoveryState : ISeccState
{
    public static ServiceDiscoveryState Instance { get; } = new();

    public string Name => "ServiceDiscovery";

    public SeccStep Handle(V2GRequestType request, SessionContext session, SeccEnvironment environment) =>
        request is ServiceDiscoveryReqType discovery
            ? new SeccStep(ServiceDiscoveryHandler.Handle(discovery, session), ServiceSelectionState.Instance)
            : SeccSteps.SequenceError(request, this);
}

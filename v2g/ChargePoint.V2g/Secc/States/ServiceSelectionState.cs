using ChargePoint.V2g.Exi.Iso20;
using ChargePoint.V2g.Exi.Iso20.CommonMessages;

namespace ChargePoint.V2g.Secc.States;

/// <summary>ServiceSelection: the selected service must be one we offer in this namespace with one of its
/// parameter set IDs, else FAILED_ServiceSelectionInvalid.</summary>
public static class ServiceSelectionHandler
{
    public static (ServiceSelectionResType Response, EnergyTransferService Service, ControlMode Mode) Handle(ServiceSelectionReqType request, ISessionView session)
    {
        var selected = request.SelectedEnergyTransferService;
        var service = (EnergyTransferService)selected.ServiceID;
        var mode = ServiceCatalog.ModeOf(selected.ParameterSetID);
        if (mode is null || !ServiceCatalog.Offered(session.Options, session.Protocol).Contains(service))
        {
            return ((ServiceSelectionResType)FailedResponses.For(request, responseCodeType.FAILED_ServiceSelectionInvalid), service, ControlMode.Dynamic);
        }

        return (new ServiceSelectionResType { ResponseCode = responseCodeType.OK }, service, mode.Value);
    }
}

/// <summary>After ServiceDiscovery: any number of ServiceDetail, then ServiceSelection.</summary>
public sealed class ServiceSelectionState : ISeccState
{
    public static ServiceSelectionState Instance { get; } = new();

    public string Name => "ServiceDetail/ServiceSelection";

    public SeccStep Handle(V2GRequestType request, SessionContext session, SeccEnvironment environment)
    {
        switch (request)
        {
            case ServiceDetailReqType detail:
                return new SeccStep(ServiceDetailHandler.Handle(detail, session, environment.Control.Snapshot), this);
            case ServiceSelectionReqType selection:
                var (response, service, mode) = ServiceSelectionHandler.Handle(selection, session);
                if (response.ResponseCode != responseCodeType.OK)
                {
                    return new SeccStep(response, this, SeccSessionState.Failed);
                }

                session.Service = service;
                session.ControlMode = mode;
                session.ParameterSetId = selection.SelectedEnergyTransferService.ParameterSetID;
                session.Needs = session.Needs with { Service = service, ControlMode = mode };
                environment.Feedback.OnServiceSelected(service, mode, session.ParameterSetId);
                return new SeccStep(response, ChargeParameterDiscoveryState.Instance, SeccSessionState.ServiceSelected);
            default:
                return SeccSteps.SequenceError(request, this);
        }
    }
}

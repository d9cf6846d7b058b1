using ChargePoint.V2g.Exi.Iso20;
using ChargePoint.V2g.Exi.Iso20.CommonMessages;

namespace ChargePoint.V2g.Secc.States;

/// <summary>ServiceDetail: every parameter set we offer for the service, preferred control mode first.
/// A service we do not offer in this namespace is FAILED_ServiceIDInvalid.</summary>
public static class ServiceDetailHandler
{
    public static ServiceDetailResType Handle(ServiceDetailReqType request, ISessionView session, EvseSnapshot evse)
    {
        var service = (EnergyTransferService)request.ServiceID;
        if (!ServiceCatalog.Offered(session.Options, session.Protocol).Contains(service))
        {
            return (ServiceDetailResType)FailedResponses.For(request, responseCodeType.FAILED_ServiceIDInvalid);
        }

        return new ServiceDetailResType
        {
            ResponseCode = responseCodeType.OK,
            ServiceID = request.ServiceID,
            ServiceParameterList = new ServiceParameterListType { ParameterSet = ServiceCatalog.ParameterSets(service, session.Options, evse) },
        };
    }
}

using ChargePoint.V2g.Exi.Iso20;
using ChargePoint.V2g.Exi.Iso20.Ac;
using ChargePoint.V2g.Exi.Iso20.CommonMessages;
using ChargePoint.V2g.Exi.Iso20.Dc;

namespace ChargePoint.V2g.Secc;

/// <summary>
/// A schema-valid response of the request's own type carrying an error code: mandatory elements are filled
/// with neutral values (zero power, Finished) so the EV can decode the code and stop.
/// </summary>
public static class FailedResponses
{
    private static RationalNumberType Zero => new() { Value = 0, Exponent = 0 };

    public static V2GResponseType For(V2GRequestType request, responseCodeType code)
    {
        V2GResponseType response = request switch
        {
            SessionSetupReqType => new SessionSetupResType { EVSEID = "ZZ00000" },
            AuthorizationSetupReqType => new AuthorizationSetupResType
            {
                AuthorizationServices = [authorizationType.EIM],
                EIM_ASResAuthorizationMode = new EIM_ASResAuthorizationModeType(),
            },
            AuthorizationReqType => new AuthorizationResType { EVSEProcessing = processingType.Finished },
            ServiceDiscoveryReqType => new ServiceDiscoveryResType
            {
                EnergyTransferServiceList = new ServiceListType { Service = [new ServiceType { ServiceID = (ushort)EnergyTransferService.Dc }] },
            },
            ServiceDetailReqType detail => new ServiceDetailResType
            {
                ServiceID = detail.ServiceID,
                ServiceParameterList = new ServiceParameterListType
                {
                    ParameterSet = [new ParameterSetType { ParameterSetID = 0, Parameter = [new ParameterType { Name = "Connector", intValue = 0 }] }],
                },
            },
            ServiceSelectionReqType => new ServiceSelectionResType(),
            ScheduleExchangeReqType => new ScheduleExchangeResType
            {
                EVSEProcessing = processingType.Finished,
                Dynamic_SEResControlMode = new Dynamic_SEResControlModeType(),
            },
            PowerDeliveryReqType => new PowerDeliveryResType(),
            SessionStopReqType => new SessionStopResType(),
            DC_ChargeParameterDiscoveryReqType => new DC_ChargeParameterDiscoveryResType
            {
                DC_CPDResEnergyTransferMode = new DC_CPDResEnergyTransferModeType
                {
                    EVSEMaximumChargePower = Zero,
                    EVSEMinimumChargePower = Zero,
                    EVSEMaximumChargeCurrent = Zero,
                    EVSEMinimumChargeCurrent = Zero,
                    EVSEMaximumVoltage = Zero,
                    EVSEMinimumVoltage = Zero,
                },
            },
            DC_CableCheckReqType => new DC_CableCheckResType { EVSEProcessing = processingType.Finished },
            DC_PreChargeReqType => new DC_PreChargeResType { EVSEPresentVoltage = Zero },
            DC_ChargeLoopReqType => new DC_ChargeLoopResType
            {
                EVSEPresentCurrent = Zero,
                EVSEPresentVoltage = Zero,
                Scheduled_DC_CLResControlMode = new Scheduled_DC_CLResControlModeType(),
            },
            DC_WeldingDetectionReqType => new DC_WeldingDetectionResType { EVSEPresentVoltage = Zero },
            AC_ChargeParameterDiscoveryReqType => new AC_ChargeParameterDiscoveryResType
            {
                AC_CPDResEnergyTransferMode = new AC_CPDResEnergyTransferModeType
                {
                    EVSEMaximumChargePower = Zero,
                    EVSEMinimumChargePower = Zero,
                    EVSENominalFrequency = Zero,
                },
            },
            AC_ChargeLoopReqType => new AC_ChargeLoopResType { Scheduled_AC_CLResControlMode = new Scheduled_AC_CLResControlModeType() },
            _ => throw new NotSupportedException($"No -20 response is defined here for {request.GetType().Name}."),
        };
        response.ResponseCode = code;
        return response;
    }

    /// <summary>True when <see cref="For"/> can answer this request type (others close the connection).</summary>
    public static bool CanAnswer(V2GRequestType request) => request is SessionSetupReqType or AuthorizationSetupReqType
        or AuthorizationReqType or ServiceDiscoveryReqType or ServiceDetailReqType or ServiceSelectionReqType
        or ScheduleExchangeReqType or PowerDeliveryReqType or SessionStopReqType or DC_ChargeParameterDiscoveryReqType
        or DC_CableCheckReqType or DC_PreChargeReqType or DC_ChargeLoopReqType or DC_WeldingDetectionReqType
        or AC_ChargeParameterDiscoveryReqType or AC_ChargeLoopReqType;
}

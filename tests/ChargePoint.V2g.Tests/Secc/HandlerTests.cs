using ChargePoint.TestUtilities;
using ChargePoint.V2g.AppProtocol;
using ChargePoint.V2g.Exi.Iso20;
using ChargePoint.V2g.Exi.Iso20.CommonMessages;
using ChargePoint.V2g.Exi.Iso20.Dc;
using ChargePoint.V2g.Secc;
using ChargePoint.V2g.Secc.States;

namespace ChargePoint.V2g.Tests.Secc;

/// <summary>Pure handlers: request + session view + cached inputs → response.</summary>
public sealed class HandlerTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly SeccOptions _options = new();

    private static EvseSnapshot Evse => new()
    {
        DcLimits = new DcEvseLimits(60_000, 0, 150, 0, 500, 150, 30_000, 0, 80, 0),
        AcLimits = new AcEvseLimits(22_000, 1_400, 11_000, 0, 50, 230),
    };

    [Theory]
    [InlineData(false, DischargeLimitSign.Positive, 30_000)]
    [InlineData(true, DischargeLimitSign.Negative, -30_000)]
    public void Dc_bpt_discovery_takes_ev_discharge_magnitudes_and_sends_the_configured_sign(bool evNegative, DischargeLimitSign ours, double expected)
    {
        _options.DischargeLimitSignByEvccId["EV1"] = ours;
        var session = Session(EnergyTransferService.DcBpt, ControlMode.Dynamic);
        var sign = evNegative ? -1 : 1;
        var request = new DC_ChargeParameterDiscoveryReqType
        {
            BPT_DC_CPDReqEnergyTransferMode = new BPT_DC_CPDReqEnergyTransferModeType
            {
                EVMaximumChargePower = Rational.From(50_000),
                EVMinimumChargePower = Rational.From(0),
                EVMaximumChargeCurrent = Rational.From(125),
                EVMinimumChargeCurrent = Rational.From(0),
                EVMaximumVoltage = Rational.From(450),
                EVMinimumVoltage = Rational.From(200),
                EVMaximumDischargePower = Rational.From(sign * 11_000),
                EVMinimumDischargePower = Rational.From(0),
                EVMaximumDischargeCurrent = Rational.From(sign * 30),
                EVMinimumDischargeCurrent = Rational.From(0),
            },
        };

        var (response, needs) = DcChargeParameterDiscoveryHandler.Handle(request, session, Evse);

        Assert.Equal(responseCodeType.OK, response.ResponseCode);
        Assert.Equal(11_000, needs.MaximumDischargePower);
        Assert.Equal(30, needs.MaximumDischargeCurrent);
        Assert.Equal(expected, response.BPT_DC_CPDResEnergyTransferMode!.EVSEMaximumDischargePower.ToDouble());
    }

    [Fact]
    public void Dc_discovery_without_bpt_mode_for_a_bpt_service_is_wrong_charge_parameter()
    {
        var session = Session(EnergyTransferService.DcBpt, ControlMode.Dynamic);
        var request = new DC_ChargeParameterDiscoveryReqType
        {
            DC_CPDReqEnergyTransferMode = new DC_CPDReqEnergyTransferModeType
            {
                EVMaximumChargePower = Rational.From(50_000),
                EVMinimumChargePower = Rational.From(0),
                EVMaximumChargeCurrent = Rational.From(125),
                EVMinimumChargeCurrent = Rational.From(0),
                EVMaximumVoltage = Rational.From(450),
                EVMinimumVoltage = Rational.From(200),
            },
        };

        Assert.Equal(responseCodeType.FAILED_WrongChargeParameter, DcChargeParameterDiscoveryHandler.Handle(request, session, Evse).Response.ResponseCode);
    }

    [Fact]
    public void Authorization_is_ongoing_until_the_limit_then_eim_failure_finished()
    {
        var session = Session(EnergyTransferService.DcBpt, ControlMode.Dynamic);
        var request = new AuthorizationReqType { SelectedAuthorizationService = authorizationType.EIM, EIM_AReqAuthorizationMode = new EIM_AReqAuthorizationModeType() };

        Assert.Equal(processingType.Ongoing, AuthorizationHandler.Handle(request, session, Evse).EVSEProcessing);
        session.OngoingSince = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromSeconds(54.9));
        Assert.Equal(processingType.Ongoing, AuthorizationHandler.Handle(request, session, Evse).EVSEProcessing);
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        var expired = AuthorizationHandler.Handle(request, session, Evse);
        Assert.Equal(processingType.Finished, expired.EVSEProcessing);
        Assert.Equal(responseCodeType.WARNING_EIMAuthorizationFailure, expired.ResponseCode);
        Assert.Equal(responseCodeType.WARNING_EIMAuthorizationFailure, AuthorizationHandler.Handle(request, session, Evse with { Authorization = AuthorizationDecision.Rejected }).ResponseCode);
    }

    [Fact]
    public void Service_detail_lists_the_preferred_control_mode_first()
    {
        _options.PreferredControlMode = ControlMode.Scheduled;
        var session = Session(EnergyTransferService.DcBpt, ControlMode.Dynamic);

        var response = ServiceDetailHandler.Handle(new ServiceDetailReqType { ServiceID = (ushort)EnergyTransferService.DcBpt }, session, Evse);

        Assert.Equal(2, response.ServiceParameterList.ParameterSet.Count);
        Assert.Equal((int)ControlMode.Scheduled, response.ServiceParameterList.ParameterSet[0].Parameter.Single(p => p.Name == "ControlMode").intValue);
        Assert.Contains(response.ServiceParameterList.ParameterSet[0].Parameter, p => p.Name == "BPTChannel");
        Assert.Equal(responseCodeType.FAILED_ServiceIDInvalid, ServiceDetailHandler.Handle(new ServiceDetailReqType { ServiceID = 5 }, session, Evse).ResponseCode);
    }

    [Fact]
    public void Standby_is_refused_unless_allowed()
    {
        var session = Session(EnergyTransferService.DcBpt, ControlMode.Dynamic);
        var request = new PowerDeliveryReqType { ChargeProgress = chargeProgressType.Standby };

        Assert.Equal(responseCodeType.WARNING_StandbyNotAllowed, PowerDeliveryHandler.Handle(request, session, Evse).ResponseCode);
        _options.StandbyAllowed = true;
        Assert.Equal(responseCodeType.OK, PowerDeliveryHandler.Handle(request, session, Evse).ResponseCode);
    }

    [Fact]
    public void Every_failed_response_encodes()
    {
        V2GRequestType[] requests =
        [
            new SessionSetupReqType { EVCCID = "x" }, new AuthorizationSetupReqType(), new AuthorizationReqType(), new ServiceDiscoveryReqType(),
            new ServiceDetailReqType(), new ServiceSelectionReqType(), new ScheduleExchangeReqType(), new PowerDeliveryReqType(), new SessionStopReqType(),
            new DC_ChargeParameterDiscoveryReqType(), new DC_CableCheckReqType(), new DC_PreChargeReqType(), new DC_ChargeLoopReqType(),
            new DC_WeldingDetectionReqType(), new Exi.Iso20.Ac.AC_ChargeParameterDiscoveryReqType(), new Exi.Iso20.Ac.AC_ChargeLoopReqType(),
        ];
        var buffer = new byte[1024];
        foreach (var request in requests)
        {
            var response = FailedResponses.For(request, responseCodeType.FAILED_SequenceError);
            response.Header = new MessageHeaderType { SessionID = new byte[8], TimeStamp = 1 };
            var (payloadType, length) = Iso20MessageCodec.Encode(response, buffer);
            var decoded = (V2GResponseType)Iso20MessageCodec.Decode((ushort)payloadType, buffer.AsSpan(0, length));
            Assert.Equal(responseCodeType.FAILED_SequenceError, decoded.ResponseCode);
            Assert.Equal(response.GetType(), decoded.GetType());
        }
    }

    private SessionContext Session(EnergyTransferService service, ControlMode mode) => new(_options, _clock)
    {
        EvccId = "EV1",
        Protocol = service.IsDc() ? V2gApplicationProtocol.Iso20Dc : V2gApplicationProtocol.Iso20Ac,
        Service = service,
        ControlMode = mode,
    };
}

using ChargePoint.V2g.Exi.Iso20;
using ChargePoint.V2g.Exi.Iso20.CommonMessages;

namespace ChargePoint.V2g.Secc.States;

/// <summary>AuthorizationSetup: we offer EIM only (Plug &amp; Charge and certificate installation are not
/// implemented).</summary>
public static class AuthorizationSetupHandler
{
    public static AuthorizationSetupResType Handle(AuthorizationSetupReqType request) => new()
    {
        ResponseCode = responseCodeType.OK,
        AuthorizationServices = [authorizationType.EIM],
        CertificateInstallationService = false,
        EIM_ASResAuthorizationMode = new EIM_ASResAuthorizationModeType(),
    };
}

public sealed class AuthorizationSetupState : ISeccState
{
    public static AuthorizationSetupState Instance { get; } = new();

    public string Name => "AuthorizationSetup";

    public SeccStep Handle(V2GRequestType request, SessionContext session, SeccEnvironment environment) =>
        request is AuthorizationSetupReqType setup
            ? new SeccStep(AuthorizationSetupHandler.Handle(setup), AuthorizationState.Instance, SeccSessionState.Authorizing)
            : SeccSteps.SequenceError(request, this);
}

using ChargePoint.Ocpp.DeviceModel;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Rpc;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Ocpp.Authorization;

/// <summary>
/// The one call the firmware makes to authorize an id token (block C), and the CSMS requests on the local list and
/// cache (ClearCache C11, SendLocalList D01, GetLocalListVersion D02).
/// Order: local list, then cache, then Authorize at the CSMS when online.
/// <list type="bullet">
/// <item>Online: a token the list or cache accepts is used at once only with AuthCtrlr.LocalPreAuthorize (C12/C13);
/// otherwise the CSMS decides and its answer is cached (tokens on the local list are not cached, C14).</item>
/// <item>Offline (or no answer): list and cache decide when AuthCtrlr.LocalAuthorizeOffline is true; an unknown
/// token is accepted only with AuthCtrlr.OfflineTxForUnknownIdEnabled (C15).</item>
/// <item>AuthCtrlr.DisableRemoteAuthorization: only local information is used, online or not.</item>
/// </list>
/// </summary>
public sealed partial class OcppAuthorizer
{
    private readonly OcppRpcClient _rpc;
    private readonly DeviceModelService _deviceModel;
    private readonly ILogger _logger;

    public OcppAuthorizer(OcppRpcClient rpc, DeviceModelService deviceModel, LocalAuthorizationList localList, AuthorizationCache cache, ILogger logger)
    {
        _rpc = rpc;
        _deviceModel = deviceModel;
        LocalList = localList;
        Cache = cache;
        _logger = logger;
    }

    public LocalAuthorizationList LocalList { get; }

    public AuthorizationCache Cache { get; }

    public async Task<AuthorizationDecision> AuthorizeAsync(IdTokenType idToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idToken);
        if (!Flag("AuthCtrlr", "Enabled"))
        {
            return new AuthorizationDecision(AuthorizationStatusEnumType.Accepted, AuthorizationSource.NotRequired, null);
        }

        var listed = LocalList.Find(idToken);
        var cached = listed is null ? Cache.Find(idToken) : null;
        var local = listed is not null ? From(listed, AuthorizationSource.LocalList) : cached is not null ? From(cached, AuthorizationSource.Cache) : null;
        if (Flag("AuthCtrlr", "DisableRemoteAuthorization"))
        {
            return Log(idToken, local ?? Unknown);
        }

        if (_rpc.IsConnected)
        {
            if (local is { IsAccepted: true } && Flag("AuthCtrlr", "LocalPreAuthorize"))
            {
                return Log(idToken, local);
            }

            var answer = await _rpc.CallAsync<AuthorizeRequest, AuthorizeResponse>(new AuthorizeRequest { IdToken = idToken }, cancellationToken).ConfigureAwait(false);
            if (answer.IsSuccess)
            {
                var response = answer.Response!;
                if (listed is null)
                {
                    Cache.Store(idToken, response.IdTokenInfo);
                }

                return Log(idToken, new AuthorizationDecision(response.IdTokenInfo.Status, AuthorizationSource.Csms, response.IdTokenInfo, response.AllowedEnergyTransfer));
            }

            LogNoAnswer(answer.ToString());
        }

        if (local is not null && Flag("AuthCtrlr", "LocalAuthorizeOffline"))
        {
            return Log(idToken, local);
        }

        return Log(idToken, Flag("AuthCtrlr", "OfflineTxForUnknownIdEnabled") && local is null
            ? new AuthorizationDecision(AuthorizationStatusEnumType.Accepted, AuthorizationSource.OfflineUnknownAllowed, null)
            : Unknown);
    }

    /// <summary>Keeps the cache in step with idTokenInfo the CSMS sends elsewhere (TransactionEvent responses, C10).</summary>
    public void Learn(IdTokenType idToken, IdTokenInfoType info)
    {
        if (LocalList.Find(idToken) is null)
        {
            Cache.Store(idToken, info);
        }
    }

    public void Register(OcppRequestHandlers handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        handlers.Handle<ClearCacheRequest, ClearCacheResponse>((_, _) =>
        {
            // C11.FR.04: with the cache disabled the request is rejected.
            if (!Cache.Enabled)
            {
                return ValueTask.FromResult(new ClearCacheResponse { Status = ClearCacheStatusEnumType.Rejected });
            }

            Cache.Clear();
            return ValueTask.FromResult(new ClearCacheResponse { Status = ClearCacheStatusEnumType.Accepted });
        });
        handlers.Handle<SendLocalListRequest, SendLocalListResponse>((request, _) =>
        {
            var response = LocalList.Apply(request);
            var statusName = response.Status.ToWire();
            var updateName = request.UpdateType.ToWire();
            LogLocalList(request.VersionNumber, updateName, statusName);
            return ValueTask.FromResult(response);
        });
        handlers.Handle<GetLocalListVersionRequest, GetLocalListVersionResponse>((_, _) =>
            ValueTask.FromResult(new GetLocalListVersionResponse { VersionNumber = LocalList.Version }));
    }

    private static AuthorizationDecision Unknown => new(AuthorizationStatusEnumType.Unknown, AuthorizationSource.Unknown, null);

    private static AuthorizationDecision From(IdTokenInfoType info, AuthorizationSource source) => new(info.Status, source, info);

    private bool Flag(string component, string variable) => _deviceModel.GetBool(component, variable);

    private AuthorizationDecision Log(IdTokenType token, AuthorizationDecision decision)
    {
        // The token value identifies a person: only its type is logged.
        var statusName = decision.Status.ToWire();
        LogDecision(token.Type, statusName, decision.Source);
        return decision;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Authorization of a {TokenType} token: {Status} ({Source})")]
    private partial void LogDecision(string tokenType, string status, AuthorizationSource source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authorize got no answer ({Result}); deciding locally")]
    private partial void LogNoAnswer(string result);

    [LoggerMessage(Level = LogLevel.Information, Message = "SendLocalList version {Version} ({UpdateType}): {Status}")]
    private partial void LogLocalList(int version, string updateType, string status);
}

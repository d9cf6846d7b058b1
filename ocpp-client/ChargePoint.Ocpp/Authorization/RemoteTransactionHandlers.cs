using ChargePoint.Ocpp.DeviceModel;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Rpc;
using ChargePoint.Ocpp.SmartCharging;
using ChargePoint.Ocpp.SmartCharging.Wire;
using ChargePoint.Ocpp.Station;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Ocpp.Authorization;

/// <summary>A CSMS start request the station accepted and authorized: the firmware enables the EVSE for the user.</summary>
public sealed record RemoteStart(int EvseId, IdTokenType IdToken, int RemoteStartId, IdTokenType? GroupIdToken, ChargingProfileType? ChargingProfile);

/// <summary>A CSMS stop request for a running transaction: the firmware stops the energy transfer.</summary>
public sealed record RemoteStop(int EvseId, string TransactionId);

/// <summary>
/// RequestStartTransaction (F01/F02) and RequestStopTransaction (F03). A start is answered at once (Rejected for an
/// unknown, unavailable or busy EVSE), then, with AuthCtrlr.AuthorizeRemoteStart, the id token is authorized like a
/// local one before anything starts (F01.FR.01/02). The transaction carries the remoteStartId and triggerReason
/// RemoteStart; when a transaction already runs without a token (cable first) its id is returned (F02).
/// A chargingProfile in the request must be a TxProfile without transactionId (F01.FR.09/11) and pass the same
/// K01 validation as a SetChargingProfile for that EVSE; otherwise the request is Rejected and nothing changes.
/// An accepted one is installed bound to the transaction the remote start runs in: at once when it already exists,
/// otherwise when the EVSE's next transaction starts (the one that carries the remoteStartId).
/// </summary>
public sealed partial class RemoteTransactionHandlers
{
    private readonly TransactionManager _transactions;
    private readonly OcppAuthorizer _authorizer;
    private readonly DeviceModelService _deviceModel;
    private readonly StationLayout _layout;
    private readonly ILogger _logger;
    private readonly SmartChargingHandlers? _smartCharging;
    private readonly Dictionary<int, ChargingProfileType> _pendingProfiles = [];
    private readonly Lock _gate = new();

    public RemoteTransactionHandlers(TransactionManager transactions, OcppAuthorizer authorizer, DeviceModelService deviceModel, StationLayout layout, ILogger logger,
        SmartChargingHandlers? smartCharging = null)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        _transactions = transactions;
        _authorizer = authorizer;
        _deviceModel = deviceModel;
        _layout = layout;
        _logger = logger;
        _smartCharging = smartCharging;
        transactions.TransactionStarted += OnTransactionStarted;
    }

    /// <summary>Raised after a remote start was accepted and its token authorized (and the transaction manager told).</summary>
    public event Action<RemoteStart>? StartRequested;

    /// <summary>Raised when the CSMS stops a transaction, before its Ended event is queued.</summary>
    public event Action<RemoteStop>? StopRequested;

    public void Register(OcppRequestHandlers handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        handlers.HandleWithFollowUp<RequestStartTransactionRequest, RequestStartTransactionResponse>((request, _) => ValueTask.FromResult(Start(request)));
        handlers.HandleWithFollowUp<RequestStopTransactionRequest, RequestStopTransactionResponse>((request, _) => ValueTask.FromResult(Stop(request)));
    }

    private OcppReply<RequestStartTransactionResponse> Start(RequestStartTransactionRequest request)
    {
        static OcppReply<RequestStartTransactionResponse> Rejected(string reason) =>
            new(new RequestStartTransactionResponse { Status = RequestStartStopStatusEnumType.Rejected, StatusInfo = new StatusInfoType { ReasonCode = reason } });

        var candidates = request.EvseId is { } wanted ? [wanted] : Enumerable.Range(1, _layout.EvseCount).ToList();
        if (candidates.Any(e => e < 1 || e > _layout.EvseCount))
        {
            return Rejected("UnknownEvse");
        }

        var evse = candidates.FirstOrDefault(e => Available(e) && !_transactions.HasAuthorizedTransaction(e));
        if (evse == 0)
        {
            return Rejected(candidates.Any(Available) ? "TxInProgress" : "Unavailable");
        }

        var running = _transactions.TransactionId(evse);
        if (request.ChargingProfile is { } profile && CheckProfile(evse, profile, running) is { } refusal)
        {
            LogProfileRefused(request.RemoteStartId, refusal.ReasonCode ?? string.Empty, refusal.AdditionalInfo ?? string.Empty);
            return new(new RequestStartTransactionResponse { Status = RequestStartStopStatusEnumType.Rejected, StatusInfo = refusal });
        }

        var response = new RequestStartTransactionResponse { Status = RequestStartStopStatusEnumType.Accepted, TransactionId = running };
        return new(response, async ct =>
        {
            if (_deviceModel.GetBool("AuthCtrlr", "AuthorizeRemoteStart"))
            {
                var decision = await _authorizer.AuthorizeAsync(request.IdToken, ct).ConfigureAwait(false);
                if (!decision.IsAccepted)
                {
                    LogRemoteStartRefused(request.RemoteStartId, decision.Status.ToWire());
                    return;
                }
            }

            if (request.ChargingProfile is { } accepted)
            {
                lock (_gate)
                {
                    _pendingProfiles[evse] = accepted;
                }
            }

            await _transactions.RemoteStartAsync(evse, request.IdToken, request.RemoteStartId, ct).ConfigureAwait(false);
            if (_transactions.TransactionId(evse) is { } transactionId)
            {
                OnTransactionStarted(evse, transactionId); // F02: already running, or started at once (TxStartPoint Authorized)
            }

            StartRequested?.Invoke(new RemoteStart(evse, request.IdToken, request.RemoteStartId, request.GroupIdToken, request.ChargingProfile));
        });
    }

    private OcppReply<RequestStopTransactionResponse> Stop(RequestStopTransactionRequest request)
    {
        var evse = Enumerable.Range(1, _layout.EvseCount).FirstOrDefault(e => _transactions.TransactionId(e) == request.TransactionId);
        if (evse == 0)
        {
            return new(new RequestStopTransactionResponse { Status = RequestStartStopStatusEnumType.Rejected, StatusInfo = new StatusInfoType { ReasonCode = "TxNotFound" } });
        }

        return new(new RequestStopTransactionResponse { Status = RequestStartStopStatusEnumType.Accepted }, async ct =>
        {
            StopRequested?.Invoke(new RemoteStop(evse, request.TransactionId));
            await _transactions.StopTransactionAsync(evse, ReasonEnumType.Remote, ct).ConfigureAwait(false);
        });
    }

    /// <summary>F01.FR.09/11 and K01 for the profile of a remote start; null when it may be installed.</summary>
    private StatusInfoType? CheckProfile(int evse, ChargingProfileType profile, string? runningTransactionId)
    {
        if (profile.ChargingProfilePurpose != ChargingProfilePurposeEnumType.TxProfile)
        {
            return new StatusInfoType { ReasonCode = "InvalidProfile", AdditionalInfo = "F01.FR.09: the chargingProfile of a remote start must be a TxProfile" };
        }

        if (profile.TransactionId is not null)
        {
            return new StatusInfoType { ReasonCode = "InvalidProfile", AdditionalInfo = "F01.FR.11: the chargingProfile of a remote start must not carry a transactionId" };
        }

        if (_smartCharging is null)
        {
            return new StatusInfoType { ReasonCode = "UnsupportedRequest", AdditionalInfo = "smart charging is not available" };
        }

        var verdict = _smartCharging.CheckTransactionProfile(evse, profile, runningTransactionId);
        return verdict == ChargingProfileVerdict.Accepted ? null
            : new StatusInfoType { ReasonCode = ChargingProfileVerdictReasons.ReasonCode(verdict), AdditionalInfo = ChargingProfileVerdictReasons.AdditionalInfo(verdict) };
    }

    private void OnTransactionStarted(int evse, string transactionId)
    {
        ChargingProfileType? profile;
        lock (_gate)
        {
            if (!_pendingProfiles.Remove(evse, out profile))
            {
                return;
            }
        }

        var verdict = _smartCharging!.InstallTransactionProfile(evse, profile, transactionId);
        LogProfileInstalled(profile.Id, transactionId, verdict);
    }

    private bool Available(int evse) =>
        Enumerable.Range(1, _layout.ConnectorsPerEvse).Any(c => _deviceModel.GetString("Connector", "AvailabilityState", evseId: evse, connectorId: c) != "Unavailable");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Remote start {RemoteStartId} rejected: its charging profile {ReasonCode} ({Detail})")]
    private partial void LogProfileRefused(int remoteStartId, string reasonCode, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Charging profile {ProfileId} of a remote start bound to transaction {TransactionId}: {Verdict}")]
    private partial void LogProfileInstalled(int profileId, string transactionId, ChargingProfileVerdict verdict);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Remote start {RemoteStartId} not started: authorization {Status}")]
    private partial void LogRemoteStartRefused(int remoteStartId, string status);
}

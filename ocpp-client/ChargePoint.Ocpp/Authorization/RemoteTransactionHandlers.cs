using ChargePoint.Ocpp.DeviceModel;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Rpc;
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
/// </summary>
public sealed partial class RemoteTransactionHandlers
{
    private readonly TransactionManager _transactions;
    private readonly OcppAuthorizer _authorizer;
    private readonly DeviceModelService _deviceModel;
    private readonly StationLayout _layout;
    private readonly ILogger _logger;

    public RemoteTransactionHandlers(TransactionManager transactions, OcppAuthorizer authorizer, DeviceModelService deviceModel, StationLayout layout, ILogger logger)
    {
        _transactions = transactions;
        _authorizer = authorizer;
        _deviceModel = deviceModel;
        _layout = layout;
        _logger = logger;
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

        var response = new RequestStartTransactionResponse { Status = RequestStartStopStatusEnumType.Accepted, TransactionId = _transactions.TransactionId(evse) };
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

            await _transactions.RemoteStartAsync(evse, request.IdToken, request.RemoteStartId, ct).ConfigureAwait(false);
            StartRequested?.Invoke(new RemoteStart(evse, request.IdToken, request.RemoteStartId, request.GroupIdToken, request.ChargingProfile));
        });
    }

    private OcppReply<RequestStopTransactionResponse> Stop(RequestStopTransactionRequest request)
    {
        var evse = Enumerable.Range(1, _layout.EvseCount).FirstOrDefault(e => _transactions.TransactionId(e) == request.TransactionId);
        if (evse == 0)
        {
            return new(new RequestStopTransactionResponse { Status = RequestStartStopStatusEnumType.Rejected, StatusInfo = new StatusInfoType { ReasonCode = "UnknownTransaction" } });
        }

        return new(new RequestStopTransactionResponse { Status = RequestStartStopStatusEnumType.Accepted }, async ct =>
        {
            StopRequested?.Invoke(new RemoteStop(evse, request.TransactionId));
            await _transactions.StopTransactionAsync(evse, ReasonEnumType.Remote, ct).ConfigureAwait(false);
        });
    }

    private bool Available(int evse) =>
        Enumerable.Range(1, _layout.ConnectorsPerEvse).Any(c => _deviceModel.GetString("Connector", "AvailabilityState", evseId: evse, connectorId: c) != "Unavailable");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Remote start {RemoteStartId} not started: authorization {Status}")]
    private partial void LogRemoteStartRefused(int remoteStartId, string status);
}

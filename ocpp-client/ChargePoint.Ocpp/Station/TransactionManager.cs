using ChargePoint.Ocpp.DeviceModel;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Queue;
using ChargePoint.Ocpp.Rpc;
using ChargePoint.Ocpp.Storage;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Ocpp.Station;

/// <summary>
/// Turns what happens at the EVSEs into TransactionEvents (E01-E07): Started at the first TxStartPoint reached,
/// Ended when a TxStopPoint condition ends, Updated in between (state changes, MeterValuePeriodic every
/// SampledDataCtrlr.TxUpdatedInterval). Each event gets the next persisted seqNo of its transaction and is
/// committed to the durable outbox in the same SQLite transaction; <c>offline</c> is set when the CSMS link is down.
/// </summary>
public sealed partial class TransactionManager : IOcppStationPort, IDisposable
{
    private readonly DeviceModelService _deviceModel;
    private readonly DurableOutbox _outbox;
    private readonly OcppRpcClient _rpc;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<int, int, ConnectorStatusEnumType, CancellationToken, Task> _statusChanged;
    private readonly Dictionary<int, EvseSession> _evses = [];
    private readonly Lock _gate = new();
    private readonly OpenTransactionStore? _open;

    public TransactionManager(DeviceModelService deviceModel, DurableOutbox outbox, OcppRpcClient rpc, TimeProvider time, ILogger logger,
        Func<int, int, ConnectorStatusEnumType, CancellationToken, Task> statusChanged, OpenTransactionStore? openTransactions = null)
    {
        _deviceModel = deviceModel;
        _outbox = outbox;
        _rpc = rpc;
        _time = time;
        _logger = logger;
        _statusChanged = statusChanged;
        _open = openTransactions;
        Recovered = openTransactions is null ? [] : Recover(openTransactions.LoadAll());
    }

    /// <summary>
    /// How often the last meter reading of a running transaction is written to disk between events (flash wear vs.
    /// freshness of the registers reported after a power loss).
    /// </summary>
    public static readonly TimeSpan ReadingPersistInterval = TimeSpan.FromSeconds(10);

    /// <summary>Raised (outside the manager's lock) after a transaction started on an EVSE: (evseId, transactionId).</summary>
    public event Action<int, string>? TransactionStarted;

    /// <summary>Raised (outside the manager's lock) after a transaction ended on an EVSE: (evseId, transactionId).</summary>
    public event Action<int, string>? TransactionEnded;

    /// <summary>Transactions found open at start-up (interrupted by a crash or power loss) and what was done with them.</summary>
    public IReadOnlyList<RecoveredTransaction> Recovered { get; }

    /// <summary>The id of the transaction running on an EVSE, if any.</summary>
    public string? TransactionId(int evseId)
    {
        lock (_gate)
        {
            return _evses.TryGetValue(evseId, out var s) ? s.TransactionId : null;
        }
    }

    public bool AnyTransaction
    {
        get
        {
            lock (_gate)
            {
                return _evses.Values.Any(s => s.TransactionId is not null);
            }
        }
    }

    /// <summary>The EVSEs that have a running transaction.</summary>
    public IReadOnlyList<int> EvsesInTransaction
    {
        get
        {
            lock (_gate)
            {
                return [.. _evses.Values.Where(s => s.TransactionId is not null).Select(s => s.EvseId)];
            }
        }
    }

    /// <summary>The EVSE running a transaction, or null when none runs it.</summary>
    public int? EvseOf(string transactionId)
    {
        lock (_gate)
        {
            return _evses.Values.FirstOrDefault(s => s.TransactionId == transactionId)?.EvseId;
        }
    }

    /// <summary>True when the EVSE runs a transaction that already has an authorized id token.</summary>
    public bool HasAuthorizedTransaction(int evseId)
    {
        lock (_gate)
        {
            return _evses.TryGetValue(evseId, out var s) && s.TransactionId is not null && s.IdToken is not null;
        }
    }

    /// <summary>
    /// F01/F02: the CSMS started a transaction remotely and its token is authorized. Starts the transaction when
    /// Authorized is a TxStartPoint, otherwise the next Started carries the remoteStartId; a transaction already
    /// running (cable first) gets an Updated event with triggerReason RemoteStart, the token and the remoteStartId.
    /// </summary>
    public Task RemoteStartAsync(int evseId, IdTokenType idToken, int remoteStartId, CancellationToken cancellationToken)
    {
        Change(evseId, s =>
        {
            s.IdToken = idToken;
            s.RemoteStartId = remoteStartId;
            if (s.TransactionId is null && StartPoints().Contains("Authorized"))
            {
                Start(s, TriggerReasonEnumType.RemoteStart);
            }
            else if (s.TransactionId is not null)
            {
                Update(s, TriggerReasonEnumType.RemoteStart, includeIdToken: true);
            }
        });
        return Task.CompletedTask;
    }

    public async Task EvConnectedAsync(int evseId, int connectorId, CancellationToken cancellationToken)
    {
        Change(evseId, s =>
        {
            s.ConnectorId = connectorId;
            s.EvConnected = true;
            s.ChargingState = ChargingStateEnumType.EVConnected;
            if (s.TransactionId is null && StartPoints().Overlaps(["EVConnected", "ParkingBayOccupancy"]))
            {
                Start(s, TriggerReasonEnumType.CablePluggedIn);
            }
            else if (s.TransactionId is not null)
            {
                Update(s, TriggerReasonEnumType.CablePluggedIn);
            }
        });

        await _statusChanged(evseId, connectorId, ConnectorStatusEnumType.Occupied, cancellationToken).ConfigureAwait(false);
    }

    public Task AuthorizedAsync(int evseId, IdTokenType idToken, CancellationToken cancellationToken)
    {
        Change(evseId, s =>
        {
            s.IdToken = idToken;
            if (s.TransactionId is null && StartPoints().Contains("Authorized"))
            {
                Start(s, TriggerReasonEnumType.Authorized);
            }
            else if (s.TransactionId is not null)
            {
                Update(s, TriggerReasonEnumType.Authorized, includeIdToken: true);
            }
        });
        return Task.CompletedTask;
    }

    public Task EnergyTransferStartedAsync(int evseId, OperationModeEnumType operationMode, CancellationToken cancellationToken)
    {
        Change(evseId, s =>
        {
            var modeChanged = s.OperationMode is { } previous && previous != operationMode;
            s.OperationMode = operationMode;
            s.ChargingState = ChargingStateEnumType.Charging;
            if (s.TransactionId is null && StartPoints().Overlaps(["PowerPathClosed", "EnergyTransfer"]))
            {
                Start(s, TriggerReasonEnumType.ChargingStateChanged);
            }
            else if (s.TransactionId is not null)
            {
                Update(s, modeChanged ? TriggerReasonEnumType.OperationModeChanged : TriggerReasonEnumType.ChargingStateChanged);
            }
        });
        return Task.CompletedTask;
    }

    /// <summary>
    /// K11.FR.04/K13.FR.03: an external control system set, changed or released a limit that moves the charging rate
    /// of the EVSE's running transaction: TransactionEvent Updated with triggerReason ChargingRateChanged. False
    /// when no transaction runs there (nothing is sent).
    /// </summary>
    public bool ChargingRateChanged(int evseId)
    {
        lock (_gate)
        {
            var s = Session(evseId);
            if (s.TransactionId is null)
            {
                return false;
            }

            Update(s, TriggerReasonEnumType.ChargingRateChanged);
            return true;
        }
    }

    public Task EnergyTransferSuspendedAsync(int evseId, ChargingStateEnumType state, CancellationToken cancellationToken)
    {
        Change(evseId, s =>
        {
            s.ChargingState = state;
            if (s.TransactionId is not null)
            {
                if (StopPoints().Overlaps(["EnergyTransfer", "PowerPathClosed"]))
                {
                    End(s, TriggerReasonEnumType.ChargingStateChanged, ReasonEnumType.StoppedByEV);
                }
                else
                {
                    Update(s, TriggerReasonEnumType.ChargingStateChanged);
                }
            }
        });
        return Task.CompletedTask;
    }

    public async Task EvDisconnectedAsync(int evseId, CancellationToken cancellationToken)
    {
        var connectorId = 1;
        Change(evseId, s =>
        {
            connectorId = s.ConnectorId;
            s.EvConnected = false;
            s.ChargingState = ChargingStateEnumType.Idle;
            if (s.TransactionId is not null)
            {
                // The cable is gone: no stop point can hold any more (StopTxOnEVSideDisconnect is true, read-only).
                End(s, TriggerReasonEnumType.EVCommunicationLost, ReasonEnumType.EVDisconnected);
            }

            s.IdToken = null;
            s.OperationMode = null;
        });

        await _statusChanged(evseId, connectorId, ConnectorStatusEnumType.Available, cancellationToken).ConfigureAwait(false);
    }

    public Task StopTransactionAsync(int evseId, ReasonEnumType reason, CancellationToken cancellationToken)
    {
        Change(evseId, s =>
        {
            if (s.TransactionId is not null)
            {
                // What caused the end, in the trigger vocabulary; StopAuthorized is for a local stop (a token or a
                // button), not for the EV ending the session or leaving.
                var trigger = reason switch
                {
                    ReasonEnumType.Remote => TriggerReasonEnumType.RemoteStop,
                    ReasonEnumType.DeAuthorized => TriggerReasonEnumType.Deauthorized,
                    ReasonEnumType.ImmediateReset or ReasonEnumType.Reboot => TriggerReasonEnumType.ResetCommand,
                    ReasonEnumType.EmergencyStop or ReasonEnumType.GroundFault or ReasonEnumType.OvercurrentFault
                        or ReasonEnumType.PowerQuality or ReasonEnumType.PowerLoss or ReasonEnumType.Other => TriggerReasonEnumType.AbnormalCondition,
                    ReasonEnumType.EVDisconnected or ReasonEnumType.Timeout => TriggerReasonEnumType.EVCommunicationLost,
                    ReasonEnumType.StoppedByEV => TriggerReasonEnumType.ChargingStateChanged,
                    ReasonEnumType.SOCLimitReached => TriggerReasonEnumType.SoCLimitReached,
                    ReasonEnumType.EnergyLimitReached => TriggerReasonEnumType.EnergyLimitReached,
                    ReasonEnumType.TimeLimitReached => TriggerReasonEnumType.TimeLimitReached,
                    ReasonEnumType.LocalOutOfCredit => TriggerReasonEnumType.CostLimitReached,
                    _ => TriggerReasonEnumType.StopAuthorized,
                };
                End(s, trigger, reason);
            }
        });
        return Task.CompletedTask;
    }

    /// <summary>
    /// Ends a transaction a previous run left open (the process was killed or lost power before it ended it):
    /// TransactionEvent Ended with the next persisted seqNo of that transaction, trigger AbnormalCondition, the
    /// last registers known and <paramref name="reason"/> (normally PowerLoss). Does nothing for a transaction the
    /// client's own recovery already ended.
    /// </summary>
    public void EndRecovered(int evseId, int connectorId, string transactionId, ReasonEnumType reason, MeterReading? lastReading)
    {
        ArgumentException.ThrowIfNullOrEmpty(transactionId);
        lock (_gate)
        {
            // The client's own recovery (persisted open transactions) may have dealt with it already: ended it, so a
            // second Ended would break the transaction's event sequence, or resumed it, so that session is ended.
            var known = Recovered.FirstOrDefault(r => r.TransactionId == transactionId);
            if (known is { Resumed: false })
            {
                return;
            }

            var session = known is not null && Session(evseId).TransactionId == transactionId
                ? Session(evseId)
                : new EvseSession(evseId) { ConnectorId = connectorId, TransactionId = transactionId, LastReading = lastReading };
            End(session, TriggerReasonEnumType.AbnormalCondition, reason);
        }
    }

    /// <summary>The last meter reading of an EVSE, or null before any.</summary>
    public MeterReading? LastReading(int evseId)
    {
        lock (_gate)
        {
            return _evses.TryGetValue(evseId, out var s) ? s.LastReading : null;
        }
    }

    /// <summary>F06 TriggerMessage(TransactionEvent): an Updated event with triggerReason Trigger and the
    /// TxUpdatedMeasurands; false when no transaction runs on the EVSE.</summary>
    public bool TriggeredUpdate(int evseId)
    {
        lock (_gate)
        {
            var s = Session(evseId);
            if (s.TransactionId is null)
            {
                return false;
            }

            Enqueue(s, TransactionEventEnumType.Updated, TriggerReasonEnumType.Trigger, null, "TxUpdatedMeasurands", ReadingContextEnumType.Trigger);
            return true;
        }
    }

    public void MeterSample(int evseId, MeterReading reading)
    {
        lock (_gate)
        {
            var s = Session(evseId);
            s.LastReading = reading;
            var now = _time.GetUtcNow();
            if (_open is not null && s.TransactionId is not null && now - s.PersistedAt >= ReadingPersistInterval)
            {
                _open.UpdateReading(evseId, reading, now);
                s.PersistedAt = now;
            }
        }
    }

    public Task ConnectorFaultAsync(int evseId, int connectorId, bool faulted, CancellationToken cancellationToken)
    {
        bool connected;
        lock (_gate)
        {
            connected = Session(evseId).EvConnected;
        }

        var status = faulted ? ConnectorStatusEnumType.Faulted : connected ? ConnectorStatusEnumType.Occupied : ConnectorStatusEnumType.Available;
        return _statusChanged(evseId, connectorId, status, cancellationToken);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var s in _evses.Values)
            {
                s.PeriodicTimer?.Dispose();
            }
        }
    }

    /// <summary>Changes an EVSE's session under the lock; a transaction it ended or started is announced after the lock is released.</summary>
    private void Change(int evseId, Action<EvseSession> change)
    {
        string? before;
        string? after;
        lock (_gate)
        {
            var s = Session(evseId);
            before = s.TransactionId;
            change(s);
            after = s.TransactionId;
        }

        if (before is not null && before != after)
        {
            TransactionEnded?.Invoke(evseId, before);
        }

        if (after is not null && before != after)
        {
            TransactionStarted?.Invoke(evseId, after);
        }
    }

    private EvseSession Session(int evseId)
    {
        if (!_evses.TryGetValue(evseId, out var s))
        {
            s = new EvseSession(evseId);
            _evses[evseId] = s;
        }

        return s;
    }

    private HashSet<string> StartPoints() => [.. _deviceModel.GetList("TxCtrlr", "TxStartPoint")];

    private HashSet<string> StopPoints() => [.. _deviceModel.GetList("TxCtrlr", "TxStopPoint")];

    private void Start(EvseSession s, TriggerReasonEnumType trigger)
    {
        s.TransactionId = Guid.NewGuid().ToString("N");
        Enqueue(s, TransactionEventEnumType.Started, trigger, null, "TxStartedMeasurands", ReadingContextEnumType.Transaction_Begin, includeIdToken: true);
        StartPeriodic(s);
        var triggerName = trigger.ToWire();
        LogStarted(s.TransactionId, s.EvseId, triggerName);
    }

    private void StartPeriodic(EvseSession s)
    {
        var interval = _deviceModel.GetInt("SampledDataCtrlr", "TxUpdatedInterval");
        if (interval > 0)
        {
            var period = TimeSpan.FromSeconds(interval);
            s.PeriodicTimer = _time.CreateTimer(_ => Periodic(s), null, period, period);
        }
    }

    /// <summary>
    /// J01 clock-aligned sample: every EVSE in a transaction gets TransactionEvent Updated (MeterValueClock,
    /// Sample.Clock, AlignedDataCtrlr.Measurands); the readings of idle EVSEs are returned for MeterValues.
    /// </summary>
    public IReadOnlyList<(int EvseId, MeterReading Reading)> ClockAlignedSample()
    {
        var idle = new List<(int, MeterReading)>();
        lock (_gate)
        {
            foreach (var s in _evses.Values.Where(s => s.LastReading is not null))
            {
                if (s.TransactionId is not null)
                {
                    Enqueue(s, TransactionEventEnumType.Updated, TriggerReasonEnumType.MeterValueClock, null, "Measurands", ReadingContextEnumType.Sample_Clock, measurandComponent: "AlignedDataCtrlr");
                }
                else
                {
                    idle.Add((s.EvseId, s.LastReading!));
                }
            }
        }

        return idle;
    }

    private void Periodic(EvseSession s)
    {
        lock (_gate)
        {
            if (s.TransactionId is not null && s.LastReading is not null)
            {
                Enqueue(s, TransactionEventEnumType.Updated, TriggerReasonEnumType.MeterValuePeriodic, null, "TxUpdatedMeasurands", ReadingContextEnumType.Sample_Periodic);
            }
        }
    }

    private void Update(EvseSession s, TriggerReasonEnumType trigger, bool includeIdToken = false) =>
        Enqueue(s, TransactionEventEnumType.Updated, trigger, null, null, ReadingContextEnumType.Sample_Periodic, includeIdToken);

    private void End(EvseSession s, TriggerReasonEnumType trigger, ReasonEnumType reason, DateTimeOffset? timestamp = null)
    {
        s.PeriodicTimer?.Dispose();
        s.PeriodicTimer = null;
        Enqueue(s, TransactionEventEnumType.Ended, trigger, reason, "TxEndedMeasurands", ReadingContextEnumType.Transaction_End, timestamp: timestamp);
        var reasonName = reason.ToWire();
        LogEnded(s.TransactionId!, s.EvseId, reasonName);
        s.TransactionId = null;
        s.RemoteStartId = null;
    }

    private void Enqueue(EvseSession s, TransactionEventEnumType type, TriggerReasonEnumType trigger, ReasonEnumType? stoppedReason, string? measurandVariable, ReadingContextEnumType context, bool includeIdToken = false, DateTimeOffset? timestamp = null, string measurandComponent = "SampledDataCtrlr")
    {
        var transactionId = s.TransactionId!;
        var measurands = measurandVariable is null ? [] : _deviceModel.GetList(measurandComponent, measurandVariable).ToList();
        if (type == TransactionEventEnumType.Ended)
        {
            // Ended always carries both registers so import and export can be settled separately.
            measurands.AddRange(["Energy.Active.Import.Register", "Energy.Active.Export.Register"]);
        }

        var meterValue = s.LastReading is { } reading && measurands.Count > 0 ? MeterValueBuilder.Build(reading, measurands, context) : null;
        var offline = !_rpc.IsConnected;
        var now = _time.GetUtcNow();
        var eventTime = timestamp ?? now;
        var remoteStartId = type == TransactionEventEnumType.Started || trigger == TriggerReasonEnumType.RemoteStart ? s.RemoteStartId : null;
        var kind = type == TransactionEventEnumType.Updated ? OutboxKind.TransactionUpdated : OutboxKind.Essential;
        _outbox.Enqueue("TransactionEvent", kind, (connection, transaction) =>
        {
            var request = new TransactionEventRequest
            {
                EventType = type,
                Timestamp = eventTime,
                TriggerReason = trigger,
                SeqNo = SequenceCounters.Next(connection, transaction, "seqNo:" + transactionId),
                Offline = offline ? true : null,
                TransactionInfo = new TransactionType
                {
                    TransactionId = transactionId,
                    ChargingState = s.ChargingState,
                    StoppedReason = stoppedReason,
                    OperationMode = s.OperationMode,
                    RemoteStartId = remoteStartId,
                },
                Evse = new EVSEType { Id = s.EvseId, ConnectorId = s.ConnectorId },
                IdToken = includeIdToken ? s.IdToken : null,
                MeterValue = meterValue is { SampledValue.Count: > 0 } ? [meterValue] : null,
            };
            var payload = OcppFrameWriter.CheckedPayload(request);
            if (_open is not null)
            {
                // The open-transaction row changes in the same SQLite transaction as the queued event (crash safety).
                if (type == TransactionEventEnumType.Ended)
                {
                    OpenTransactionStore.Delete(connection, transaction, s.EvseId);
                }
                else
                {
                    OpenTransactionStore.Save(connection, transaction, new OpenTransaction(
                        s.EvseId, transactionId, s.ConnectorId, s.IdToken, s.OperationMode, s.RemoteStartId, s.LastReading, now));
                    s.PersistedAt = now;
                }
            }

            return payload;
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Transaction {TransactionId} started on EVSE {EvseId} ({Trigger})")]
    private partial void LogStarted(string transactionId, int evseId, string trigger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Transaction {TransactionId} ended on EVSE {EvseId} ({Reason})")]
    private partial void LogEnded(string transactionId, int evseId, string reason);

    private sealed class EvseSession(int evseId)
    {
        public int EvseId { get; } = evseId;

        public int ConnectorId { get; set; } = 1;

        public bool EvConnected { get; set; }

        public IdTokenType? IdToken { get; set; }

        public OperationModeEnumType? OperationMode { get; set; }

        public ChargingStateEnumType ChargingState { get; set; } = ChargingStateEnumType.Idle;

        public string? TransactionId { get; set; }

        public MeterReading? LastReading { get; set; }

        public ITimer? PeriodicTimer { get; set; }

        public int? RemoteStartId { get; set; }

        public DateTimeOffset PersistedAt { get; set; }
    }
}

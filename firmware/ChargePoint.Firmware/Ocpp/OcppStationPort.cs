using System.Collections.Concurrent;
using ChargePoint.Firmware.Contracts.V2g;
using ChargePoint.Firmware.Diagnostics;
using ChargePoint.Firmware.Safety;
using ChargePoint.Firmware.Settlement;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.SmartCharging;
using ChargePoint.Ocpp.SmartCharging.Wire;
using ChargePoint.Ocpp.Station;
using Microsoft.Extensions.Logging;
using HalReading = ChargePoint.Hal.Abstractions.MeterReading;

namespace ChargePoint.Firmware.Ocpp;

/// <summary>
/// The station port over the OCPP 2.1 client: connector changes become StatusNotification and drive the
/// transaction manager (TransactionEvent Started/Updated/Ended per TxStartPoint/TxStopPoint, periodic meter values
/// per SampledDataCtrlr), faults become StatusNotification Faulted and NotifyEvent, EIM authorization goes to the
/// CSMS (Authorize) with the offline policy of AuthCtrlr, and the ISO 15118-20 session's EV data become
/// ConnectedEV variables and NotifyEVChargingNeeds. Each transaction gets a settlement record; one a crash left open
/// is ended (stoppedReason PowerLoss) as soon as the client runs again. Calls never wait for the network: events
/// go through the client's durable queue, requests run in the background.
/// </summary>
public sealed partial class OcppStationPort : IStationPort, IDisposable
{
    private const int ConnectorId = 1;

    /// <summary>How long an authorization waits for the CSMS link before the offline policy decides.</summary>
    private static readonly TimeSpan AuthorizeLinkWait = TimeSpan.FromSeconds(10);

    private readonly JournalStationPort _journal;
    private readonly SettlementStore _settlement;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly List<Action<OcppStationRuntime>> _pending = [];
    private readonly ConcurrentDictionary<int, EvseView> _evses = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly EvNeedsRelay _needs = new();
    private OcppStationRuntime? _runtime;
    private bool _noCsms;

    public OcppStationPort(OcppHostedService ocpp, JournalStationPort journal, SettlementStore settlement, TimeProvider time, ILogger<OcppStationPort> logger)
    {
        ArgumentNullException.ThrowIfNull(ocpp);
        _journal = journal;
        _settlement = settlement;
        _time = time;
        _logger = logger;
        ocpp.Runtime.ContinueWith(t => OnRuntime(t.IsCompletedSuccessfully ? t.Result : null), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>The CSMS's answer to the last NotifyEVChargingNeeds of an EVSE (null before any).</summary>
    public ChargingNeedsResult? ChargingNeeds(int evseId) => View(evseId).ChargingNeeds;

    public void ConnectorStatusChanged(int evseId, ConnectorStatus status)
    {
        _journal.ConnectorStatusChanged(evseId, status);
        Do(runtime =>
        {
            var view = View(evseId);
            var tm = runtime.Station.Transactions;
            switch (status)
            {
                case ConnectorStatus.Occupied when !view.PluggedIn:
                    view.PluggedIn = true;
                    Observe(tm.EvConnectedAsync(evseId, ConnectorId, _stop.Token));
                    break;
                case ConnectorStatus.Available when view.PluggedIn:
                    view.PluggedIn = false;
                    view.EnergyMode = null;
                    view.ChargingNeeds = null;
                    view.Authorization = null;
                    _needs.Forget(evseId);
                    runtime.DeviceModel.SetInternal("ConnectedEV", "Available", "false", evseId: evseId);
                    Observe(tm.EvDisconnectedAsync(evseId, _stop.Token));
                    break;
                case ConnectorStatus.Faulted:
                    Observe(tm.ConnectorFaultAsync(evseId, ConnectorId, faulted: true, _stop.Token));
                    break;
                case ConnectorStatus.Available or ConnectorStatus.Occupied:
                    Observe(tm.ConnectorFaultAsync(evseId, ConnectorId, faulted: false, _stop.Token));
                    break;
                default:
                    Observe(runtime.Station.ReportConnectorStatusAsync(evseId, ConnectorId, Wire(status), _stop.Token));
                    break;
            }

            SyncTransaction(runtime, evseId, "EVDisconnected");
        });
    }

    public void FaultRaised(int evseId, StationFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        _journal.FaultRaised(evseId, fault);
        Do(runtime => NotifyEvent(runtime, evseId, fault));
    }

    public bool? Authorize(int evseId, string idToken)
    {
        ArgumentNullException.ThrowIfNull(idToken);
        var view = View(evseId);
        lock (_gate)
        {
            if (view.Authorization is { } pending && pending.Token == idToken)
            {
                return pending.Answer.IsCompletedSuccessfully ? pending.Answer.Result : null;
            }

            _journal.Record(evseId, "Authorize", idToken);
            view.Authorization = (idToken, AuthorizeAsync(evseId, idToken));
            return null;
        }
    }

    public string TransactionStarted(int evseId, string proposedTransactionId, double meterStartWattHours)
    {
        var id = proposedTransactionId;
        Do(runtime =>
        {
            var view = View(evseId);
            var tm = runtime.Station.Transactions;
            if (!view.PluggedIn)
            {
                view.PluggedIn = true;
                Observe(tm.EvConnectedAsync(evseId, ConnectorId, _stop.Token));
            }

            var token = view.Authorization?.Token ?? proposedTransactionId;
            Observe(tm.AuthorizedAsync(evseId, IdToken(token), _stop.Token));
            SyncTransaction(runtime, evseId, "Other");
            id = tm.TransactionId(evseId) ?? proposedTransactionId;
        });
        if (View(evseId).Transaction is null)
        {
            // The CSMS's transaction starts at a later TxStartPoint (or there is no client yet): settle under ours.
            OpenSettlement(evseId, id);
        }

        // Journalled under the id the CSMS will see (the OCPP transaction may have started at plug-in), so the log
        // names one transaction from start to end.
        _journal.TransactionStarted(evseId, id, meterStartWattHours);
        return id;
    }

    public void TransactionEnded(int evseId, string transactionId, TransactionStopReason reason, double importedWattHours, double exportedWattHours)
    {
        _journal.TransactionEnded(evseId, transactionId, reason, importedWattHours, exportedWattHours);
        var view = View(evseId);

        // Under the EVSE's reading gate: a meter sample arriving meanwhile cannot move the settlement past the
        // registers TransactionEvent Ended reports, so the CSMS and the station settle the same energy.
        lock (view.ReadingGate)
        {
            Do(runtime =>
            {
                var tm = runtime.Station.Transactions;
                if (view.LastReading is { } last)
                {
                    tm.MeterSample(evseId, Reading(last, view.StateOfCharge));
                }

                Observe(tm.StopTransactionAsync(evseId, Reason(reason), _stop.Token));
                view.EnergyMode = null;
                SyncTransaction(runtime, evseId, reason.ToString());
            });
            _settlement.Close(transactionId, _time.GetUtcNow(), reason.ToString(), view.LastReading?.ImportedEnergyWattHours, view.LastReading?.ExportedEnergyWattHours);
        }
    }

    public void EnergyTransferPaused(int evseId)
    {
        _journal.EnergyTransferPaused(evseId);
        Do(runtime =>
        {
            // Forgetting the mode makes the resumed flow report Charging again (ChargingStateChanged).
            View(evseId).EnergyMode = null;
            var tm = runtime.Station.Transactions;
            if (tm.TransactionId(evseId) is not null)
            {
                // E: a TxStopPoint of EnergyTransfer/PowerPathClosed ends the transaction here; the default
                // (EVConnected) keeps it open as SuspendedEV.
                Observe(tm.EnergyTransferSuspendedAsync(evseId, ChargingStateEnumType.SuspendedEV, _stop.Token));
                SyncTransaction(runtime, evseId, nameof(TransactionStopReason.StoppedByEV));
            }
        });
    }

    public void MeterSampled(int evseId, HalReading reading, double? stateOfChargePercent, OperationMode operationMode)
    {
        var view = View(evseId);
        lock (view.ReadingGate)
        {
            view.LastReading = reading;
            view.StateOfCharge = stateOfChargePercent ?? view.StateOfCharge;

            // Written before the client may send the sample, so registers recovered after a crash are never behind
            // what the CSMS already saw.
            if (view.Transaction is { } id)
            {
                _settlement.Update(id, reading.ImportedEnergyWattHours, reading.ExportedEnergyWattHours, view.StateOfCharge);
            }
        }

        Do(runtime =>
        {
            var tm = runtime.Station.Transactions;
            tm.MeterSample(evseId, Reading(reading, view.StateOfCharge));
            if (tm.TransactionId(evseId) is null)
            {
                return;
            }

            // Energy flows: ChargingStateChanged, and OperationModeChanged when the composite period's mode changes
            // (the decision's mode, not the flow's sign: AFRR, external limits and local frequency control all
            // discharge, and a CentralSetpoint period may charge).
            if (Math.Abs(reading.PowerWatts) >= MinimumFlowWatts)
            {
                // The model's names are the schema's enumeration values.
                var mode = OperationModeEnumTypeWire.TryParse(operationMode.ToString(), out var wire) ? wire : OperationModeEnumType.ChargingOnly;
                if (view.EnergyMode != mode)
                {
                    view.EnergyMode = mode;
                    Observe(tm.EnergyTransferStartedAsync(evseId, mode, _stop.Token));
                }
            }
        });
    }

    public void EvConnected(int evseId, HlcSessionInfo session, EvLimits limits)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(limits);
        _journal.EvConnected(evseId, session, limits);
        Do(runtime =>
        {
            var view = View(evseId);
            if (_needs.IsNew(evseId, session, limits))
            {
                // The first needs of a plug-in, and changed ones after the EV renegotiated, resumed or chose a service
                // again (K17.FR.01); the EVSE manager does not ask after a renegotiation we started (K16.FR.09).
                Observe(NotifyChargingNeedsAsync(runtime, EvNeeds.From(evseId, session, limits, view.StateOfCharge, _time.GetUtcNow())));
            }

            var model = runtime.DeviceModel;
            model.SetInternal("ConnectedEV", "Available", "true", evseId: evseId);
            model.SetInternal("ConnectedEV", "VehicleID", session.EvccId, evseId: evseId);
            model.SetInternal("ConnectedEV", "ProtocolAgreed", session.Protocol, evseId: evseId);
        });
    }

    public void EvChargingScheduleProposed(int evseId, HlcEvPowerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _journal.EvChargingScheduleProposed(evseId, profile);
        Do(runtime => Observe(NotifyEvChargingScheduleAsync(runtime, evseId, profile)));
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    /// <summary>Below this the meter's power is noise, not an energy transfer.</summary>
    private const double MinimumFlowWatts = 100;

    private EvseView View(int evseId) => _evses.GetOrAdd(evseId, id => new EvseView(id));

    /// <summary>Runs <paramref name="action"/> on the client now, or once it runs (in call order); never with no CSMS.</summary>
    private void Do(Action<OcppStationRuntime> action)
    {
        lock (_gate)
        {
            if (_runtime is { } runtime)
            {
                Run(runtime, action);
            }
            else if (!_noCsms)
            {
                _pending.Add(action);
            }
        }
    }

    private void Run(OcppStationRuntime runtime, Action<OcppStationRuntime> action)
    {
        try
        {
            action(runtime);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or Microsoft.Data.Sqlite.SqliteException or ObjectDisposedException)
        {
            LogPortFailure(ex.Message);
        }
    }

    private void OnRuntime(OcppStationRuntime? runtime)
    {
        lock (_gate)
        {
            if (runtime is null)
            {
                _noCsms = true;
                _pending.Clear();
                return;
            }

            RecoverUnfinished(runtime);
            foreach (var action in _pending)
            {
                Run(runtime, action);
            }

            _pending.Clear();
            _runtime = runtime;
        }
    }

    /// <summary>Transactions a previous run left open are ended first, so their Ended precedes anything new.</summary>
    private void RecoverUnfinished(OcppStationRuntime runtime)
    {
        foreach (var record in _settlement.Unfinished())
        {
            var last = new ChargePoint.Ocpp.Station.MeterReading(_time.GetUtcNow(), record.ImportRegisterWh, record.ExportRegisterWh, 0, record.StateOfChargePercent);
            runtime.Station.Transactions.EndRecovered(record.EvseId, ConnectorId, record.TransactionId, ReasonEnumType.PowerLoss, last);
            _settlement.Close(record.TransactionId, _time.GetUtcNow(), nameof(TransactionStopReason.PowerLoss));
            LogRecovered(record.TransactionId, record.EvseId, record.ImportedWh, record.ExportedWh);
        }
    }

    /// <summary>Follows the client's transaction of an EVSE into the settlement store.</summary>
    private void SyncTransaction(OcppStationRuntime runtime, int evseId, string endReason)
    {
        var view = View(evseId);
        var current = runtime.Station.Transactions.TransactionId(evseId);
        if (current == view.Transaction)
        {
            return;
        }

        if (view.Transaction is { } ended)
        {
            _settlement.Close(ended, _time.GetUtcNow(), endReason, view.LastReading?.ImportedEnergyWattHours, view.LastReading?.ExportedEnergyWattHours);
            view.Transaction = null;
        }

        if (current is not null)
        {
            OpenSettlement(evseId, current);
        }
    }

    private void OpenSettlement(int evseId, string transactionId)
    {
        var view = View(evseId);
        view.Transaction = transactionId;
        _settlement.Open(transactionId, evseId, _time.GetUtcNow(), view.LastReading?.ImportedEnergyWattHours ?? 0, view.LastReading?.ExportedEnergyWattHours ?? 0);
    }

    private async Task<bool> AuthorizeAsync(int evseId, string idToken)
    {
        await Task.Yield();
        var runtime = _runtime;
        var deadline = _time.GetTimestamp();
        while ((runtime = _runtime) is null || runtime.Station.Registration != RegistrationStatusEnumType.Accepted || !runtime.Rpc.IsConnected)
        {
            if (_noCsms)
            {
                return true;
            }

            if (_time.GetElapsedTime(deadline) > AuthorizeLinkWait)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), _time, _stop.Token).ConfigureAwait(false);
        }

        if (runtime is null)
        {
            return false;
        }

        var model = runtime.DeviceModel;
        if (!model.GetBool("AuthCtrlr", "Enabled"))
        {
            return true; // C01: authorization switched off, every EV may charge.
        }

        if (runtime.Rpc.IsConnected && runtime.Station.Registration == RegistrationStatusEnumType.Accepted)
        {
            var result = await runtime.Rpc.CallAsync<AuthorizeRequest, AuthorizeResponse>(new AuthorizeRequest { IdToken = IdToken(idToken) }, _stop.Token).ConfigureAwait(false);
            if (result is { IsSuccess: true, Response: { } response })
            {
                var status = response.IdTokenInfo.Status;
                var statusName = status.ToWire();
                LogAuthorized(evseId, statusName);
                return status == AuthorizationStatusEnumType.Accepted;
            }
        }

        // C12/C15: offline, an unknown id may charge only when LocalAuthorizeOffline and OfflineTxForUnknownIdEnabled.
        var allowed = model.GetBool("AuthCtrlr", "LocalAuthorizeOffline") && model.GetBool("AuthCtrlr", "OfflineTxForUnknownIdEnabled");
        LogOfflineAuthorization(evseId, allowed);
        return allowed;
    }

    private async Task NotifyChargingNeedsAsync(OcppStationRuntime runtime, EvChargingNeeds needs)
    {
        var result = await new EvChargingNeedsNotifier(runtime.Rpc, _time).NotifyAsync(needs, _stop.Token).ConfigureAwait(false);
        View(needs.EvseId).ChargingNeeds = result;

        // Accepted/Processing: a profile may follow and the charge loop re-reads the composite schedule when it does.
        // Rejected/NoChargingProfile/not delivered: the local composite schedule (TxDefault, station max) applies.
        LogChargingNeeds(needs.EvseId, result.Outcome, result.ReasonCode);
    }

    /// <summary>Queued durably by the client (eventId assigned there), so a fault raised offline reaches the CSMS later.</summary>
    private void NotifyEvent(OcppStationRuntime runtime, int evseId, StationFault fault) =>
        runtime.Events.Report(FaultEvents.Notification(evseId, fault, eventId: 0, _time.GetUtcNow(), View(evseId).Transaction));

    /// <summary>K18: the EV's power profile, as it proposed it, to the CSMS (not queued while offline: it is only
    /// informative, and a renegotiation brings a newer one).</summary>
    private async Task NotifyEvChargingScheduleAsync(OcppStationRuntime runtime, int evseId, HlcEvPowerProfile profile)
    {
        if (!runtime.Rpc.IsConnected || runtime.Station.Registration != RegistrationStatusEnumType.Accepted)
        {
            LogEvScheduleNotSent(evseId);
            return;
        }

        var tuple = profile.SelectedScheduleTupleId is { } id ? (int)Math.Min(id, int.MaxValue) : (int?)null;
        var schedule = EvChargingSchedule.From(profile, tuple ?? 1);
        var result = await runtime.V2x.NotifyEvChargingScheduleAsync(evseId, profile.TimeAnchor, schedule, tuple, profile.PowerToleranceAccepted, _stop.Token).ConfigureAwait(false);
        LogEvSchedule(evseId, schedule.ChargingSchedulePeriod.Count, result.Response is { } response ? response.Status.ToWire() : result.ToString());
    }

    private void Observe(Task task) =>
        task.ContinueWith(t => LogPortFailure(t.Exception!.GetBaseException().Message), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private static ChargePoint.Ocpp.Station.MeterReading Reading(HalReading reading, double? soc) =>
        new(reading.Timestamp, reading.ImportedEnergyWattHours, reading.ExportedEnergyWattHours, reading.PowerWatts, soc, reading.VoltageVolts, reading.CurrentAmperes);

    /// <summary>EIM with the EV's identifier (EVCCID, its MAC in ISO 15118-20): idToken type MacAddress.</summary>
    private static IdTokenType IdToken(string token) => new() { IdToken = token.Length > 255 ? token[..255] : token, Type = "MacAddress" };

    private static ReasonEnumType Reason(TransactionStopReason reason) =>
        ReasonEnumTypeWire.TryParse(reason.ToString(), out var wire) ? wire : ReasonEnumType.Other;

    private static ConnectorStatusEnumType Wire(ConnectorStatus status) => status switch
    {
        ConnectorStatus.Available => ConnectorStatusEnumType.Available,
        ConnectorStatus.Occupied => ConnectorStatusEnumType.Occupied,
        ConnectorStatus.Reserved => ConnectorStatusEnumType.Reserved,
        ConnectorStatus.Faulted => ConnectorStatusEnumType.Faulted,
        _ => ConnectorStatusEnumType.Unavailable,
    };

    [LoggerMessage(EventId = LogAreas.Ocpp + 20, Level = LogLevel.Warning, Message = "OCPP station port: {Problem}")]
    private partial void LogPortFailure(string problem);

    [LoggerMessage(EventId = LogAreas.Ocpp + 21, Level = LogLevel.Warning, Message = "Transaction {TransactionId} on EVSE {EvseId} was left open by the previous run: ended (PowerLoss), imported {Imported:0.0} Wh, exported {Exported:0.0} Wh")]
    private partial void LogRecovered(string transactionId, int evseId, double imported, double exported);

    [LoggerMessage(EventId = LogAreas.Ocpp + 22, Level = LogLevel.Information, Message = "EVSE {EvseId}: CSMS answered Authorize {Status}")]
    private partial void LogAuthorized(int evseId, string status);

    [LoggerMessage(EventId = LogAreas.Ocpp + 23, Level = LogLevel.Warning, Message = "EVSE {EvseId}: CSMS unreachable; offline authorization policy allows charging: {Allowed}")]
    private partial void LogOfflineAuthorization(int evseId, bool allowed);

    [LoggerMessage(EventId = LogAreas.Ocpp + 24, Level = LogLevel.Information, Message = "EVSE {EvseId}: NotifyEVChargingNeeds {Outcome} ({Reason})")]
    private partial void LogChargingNeeds(int evseId, ChargingNeedsOutcome outcome, string? reason);


    [LoggerMessage(EventId = LogAreas.Ocpp + 26, Level = LogLevel.Information, Message = "EVSE {EvseId}: NotifyEVChargingSchedule with {Periods} period(s): {Status}")]
    private partial void LogEvSchedule(int evseId, int periods, string status);

    [LoggerMessage(EventId = LogAreas.Ocpp + 27, Level = LogLevel.Warning, Message = "EVSE {EvseId}: the EV's charging schedule was not sent: CSMS not reachable")]
    private partial void LogEvScheduleNotSent(int evseId);

    /// <summary>What the port remembers per EVSE between calls.</summary>
    private sealed class EvseView(int evseId)
    {
        public int EvseId { get; } = evseId;

        /// <summary>Orders meter samples against the end of a transaction (see TransactionEnded).</summary>
        public Lock ReadingGate { get; } = new();

        public bool PluggedIn { get; set; }

        public string? Transaction { get; set; }

        public OperationModeEnumType? EnergyMode { get; set; }

        public HalReading? LastReading { get; set; }

        public double? StateOfCharge { get; set; }

        public (string Token, Task<bool> Answer)? Authorization { get; set; }

        public ChargingNeedsResult? ChargingNeeds { get; set; }
    }
}

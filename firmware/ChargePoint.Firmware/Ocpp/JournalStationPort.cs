using System.Collections.Concurrent;
using ChargePoint.Firmware.Contracts.V2g;
using ChargePoint.Firmware.Diagnostics;
using ChargePoint.Firmware.Safety;
using ChargePoint.Hal.Abstractions;
using ChargePoint.Ocpp.SmartCharging;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Firmware.Ocpp;

/// <summary>
/// The station port of a station without a CSMS (no Ocpp:CsmsUrl and no simulation CSMS): it logs every call with
/// the OCPP message it stands for and keeps a bounded journal for diagnostics. Authorization is answered locally
/// (EIM accepted: the free-vend behaviour of a stand-alone charger). With a CSMS the OCPP station port journals
/// through it as well, so diagnostics read one journal either way.
/// </summary>
public sealed partial class JournalStationPort(TimeProvider time, ILogger<JournalStationPort> logger) : IStationPort
{
    private const int JournalCapacity = 1000;
    private readonly ConcurrentQueue<StationPortEvent> _journal = new();
    private readonly EvNeedsRelay _needs = new();

    public IReadOnlyList<StationPortEvent> Journal => [.. _journal];

    public void ConnectorStatusChanged(int evseId, ConnectorStatus status)
    {
        if (status == ConnectorStatus.Available)
        {
            _needs.Forget(evseId); // the next EV's needs are new
        }

        Record(evseId, "StatusNotification", status.ToString());
        LogStatus(logger, evseId, status);
    }

    public void FaultRaised(int evseId, StationFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        Record(evseId, "NotifyEvent", fault.ToString());
        LogFault(logger, evseId, fault.Kind, fault.Detail);
    }

    public bool? Authorize(int evseId, string idToken)
    {
        Record(evseId, "Authorize", idToken);
        return true;
    }

    public string TransactionStarted(int evseId, string proposedTransactionId, double meterStartWattHours)
    {
        Record(evseId, "TransactionEvent.Started", proposedTransactionId);
        LogTransactionStarted(logger, evseId, proposedTransactionId, meterStartWattHours);
        return proposedTransactionId;
    }

    public void EnergyTransferPaused(int evseId)
    {
        Record(evseId, "TransactionEvent.Updated", "chargingState SuspendedEV (ChargingStateChanged): ISO 15118-20 session paused by the EV");
        LogPaused(logger, evseId);
    }

    public void MeterSampled(int evseId, MeterReading reading, double? stateOfChargePercent, OperationMode operationMode)
    {
        // Meter samples are not journalled: the journal keeps events, not a 2 Hz stream.
    }

    public void TransactionEnded(int evseId, string transactionId, TransactionStopReason reason, double importedWattHours, double exportedWattHours)
    {
        Record(evseId, "TransactionEvent.Ended", $"{transactionId} {reason} import={importedWattHours:0.0} export={exportedWattHours:0.0}");
        LogTransactionEnded(logger, evseId, transactionId, reason, importedWattHours, exportedWattHours);
    }

    public void EvConnected(int evseId, HlcSessionInfo session, EvLimits limits)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(limits);
        if (_needs.IsNew(evseId, session, limits))
        {
            Record(evseId, "NotifyEVChargingNeeds", $"{session.EnergyService} {session.ControlMode} charge≤{limits.MaxChargePowerWatts:0} W discharge≤{limits.MaxDischargePowerWatts:0} W target {limits.TargetEnergyRequestWattHours:0} Wh");
        }
    }

    public void EvChargingScheduleProposed(int evseId, HlcEvPowerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var first = profile.Entries.Count > 0 ? profile.Entries[0].PowerWatts : 0;
        Record(evseId, "NotifyEVChargingSchedule", $"tuple {profile.SelectedScheduleTupleId} {profile.Entries.Count} entries, first {first:0} W");
    }

    /// <summary>Adds one entry to the journal (the OCPP station port journals what it sends, too).</summary>
    public void Record(int evseId, string kind, string detail)
    {
        _journal.Enqueue(new StationPortEvent(time.GetUtcNow(), evseId, kind, detail));
        while (_journal.Count > JournalCapacity && _journal.TryDequeue(out _))
        {
        }
    }

    [LoggerMessage(EventId = LogAreas.Ocpp + 1, Level = LogLevel.Information, Message = "EVSE {EvseId}: connector {Status}")]
    private static partial void LogStatus(ILogger logger, int evseId, ConnectorStatus status);

    [LoggerMessage(EventId = LogAreas.Ocpp + 2, Level = LogLevel.Warning, Message = "EVSE {EvseId}: fault reported to the CSMS: {Kind} ({Detail})")]
    private static partial void LogFault(ILogger logger, int evseId, StationFaultKind kind, string detail);

    [LoggerMessage(EventId = LogAreas.Ocpp + 3, Level = LogLevel.Information, Message = "EVSE {EvseId}: transaction {TransactionId} started, meter {MeterStart:0.0} Wh")]
    private static partial void LogTransactionStarted(ILogger logger, int evseId, string transactionId, double meterStart);

    [LoggerMessage(EventId = LogAreas.Ocpp + 5, Level = LogLevel.Information, Message = "EVSE {EvseId}: energy transfer suspended by the EV (session paused); transaction kept")]
    private static partial void LogPaused(ILogger logger, int evseId);

    [LoggerMessage(EventId = LogAreas.Ocpp + 4, Level = LogLevel.Information, Message = "EVSE {EvseId}: transaction {TransactionId} ended ({Reason}), imported {Imported:0.0} Wh, exported {Exported:0.0} Wh")]
    private static partial void LogTransactionEnded(ILogger logger, int evseId, string transactionId, TransactionStopReason reason, double imported, double exported);
}

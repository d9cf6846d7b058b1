using ChargePoint.Firmware.Contracts.V2g;
using ChargePoint.Firmware.Safety;
using ChargePoint.Hal.Abstractions;
using ChargePoint.Ocpp.SmartCharging;

namespace ChargePoint.Firmware.Ocpp;

/// <summary>
/// What the EVSE managers tell the OCPP client (the station port). The OCPP adapter turns each call into
/// StatusNotification, TransactionEvent, NotifyEvent/SecurityEventNotification and NotifyEVChargingNeeds, queued
/// durably while offline. Calls never block the EVSE on the network.
/// </summary>
public interface IStationPort
{
    void ConnectorStatusChanged(int evseId, ConnectorStatus status);

    void FaultRaised(int evseId, StationFault fault);

    /// <summary>EIM authorization (local list, cache or Authorize); null while the answer is still pending.</summary>
    bool? Authorize(int evseId, string idToken);

    /// <summary>
    /// The EV is authorized and the station's transaction begins. Returns the id the CSMS knows the transaction
    /// by (the OCPP client's, when it already started one at an earlier TxStartPoint), otherwise
    /// <paramref name="proposedTransactionId"/>; the firmware binds TxProfiles and the settlement to that id.
    /// </summary>
    string TransactionStarted(int evseId, string proposedTransactionId, double meterStartWattHours);

    void TransactionEnded(int evseId, string transactionId, TransactionStopReason reason, double importedWattHours, double exportedWattHours);

    /// <summary>The EV paused the ISO 15118-20 session (SessionStop Pause): the power path is open, the transaction
    /// stays (chargingState SuspendedEV, triggerReason ChargingStateChanged) until the EV resumes or leaves.</summary>
    void EnergyTransferPaused(int evseId);

    /// <summary>A meter sample of the EVSE (every safety-supervisor meter poll) with the EV's state of charge when
    /// known and the operation mode the energy decision follows (the composite period's; OCPP 2.1 transactionInfo
    /// operationMode, reported once energy flows and whenever it changes).</summary>
    void MeterSampled(int evseId, MeterReading reading, double? stateOfChargePercent, OperationMode operationMode);

    /// <summary>The ISO 15118-20 session's EV data (ConnectedEV, NotifyEVChargingNeeds).</summary>
    void EvConnected(int evseId, HlcSessionInfo session, EvLimits limits);

    /// <summary>Scheduled mode: the EV proposed a power profile (NotifyEVChargingSchedule, K18).</summary>
    void EvChargingScheduleProposed(int evseId, HlcEvPowerProfile profile);
}

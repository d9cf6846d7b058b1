using ChargePoint.Firmware.Contracts.V2g;
using ChargePoint.Firmware.Safety;

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

    void TransactionStarted(int evseId, string transactionId, double meterStartWattHours);

    void TransactionEnded(int evseId, string transactionId, TransactionStopReason reason, double importedWattHours, double exportedWattHours);

    /// <summary>The ISO 15118-20 session's EV data (ConnectedEV, NotifyEVChargingNeeds).</summary>
    void EvConnected(int evseId, HlcSessionInfo session, EvLimits limits);
}

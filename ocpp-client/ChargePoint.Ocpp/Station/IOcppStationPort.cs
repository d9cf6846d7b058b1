using ChargePoint.Ocpp.Messages;

namespace ChargePoint.Ocpp.Station;

/// <summary>
/// What the firmware tells the OCPP client about the EVSEs. Transactions start and stop according to
/// TxCtrlr.TxStartPoint / TxStopPoint; the caller only reports what happened.
/// </summary>
public interface IOcppStationPort
{
    /// <summary>The cable was plugged in (EVConnected start point).</summary>
    Task EvConnectedAsync(int evseId, int connectorId, CancellationToken cancellationToken);

    /// <summary>A user or the EV (PnC) was authorized on this EVSE.</summary>
    Task AuthorizedAsync(int evseId, IdTokenType idToken, CancellationToken cancellationToken);

    /// <summary>Energy flows (charging or discharging); <paramref name="operationMode"/> is the V2X mode in force.</summary>
    Task EnergyTransferStartedAsync(int evseId, OperationModeEnumType operationMode, CancellationToken cancellationToken);

    /// <summary>Energy stopped flowing but the EV stays connected.</summary>
    Task EnergyTransferSuspendedAsync(int evseId, ChargingStateEnumType state, CancellationToken cancellationToken);

    /// <summary>The cable was unplugged.</summary>
    Task EvDisconnectedAsync(int evseId, CancellationToken cancellationToken);

    /// <summary>The station ends the transaction for its own reason (local stop, fault, ...).</summary>
    Task StopTransactionAsync(int evseId, ReasonEnumType reason, CancellationToken cancellationToken);

    /// <summary>Latest meter values of the EVSE.</summary>
    void MeterSample(int evseId, MeterReading reading);

    /// <summary>A connector became Faulted or recovered.</summary>
    Task ConnectorFaultAsync(int evseId, int connectorId, bool faulted, CancellationToken cancellationToken);
}

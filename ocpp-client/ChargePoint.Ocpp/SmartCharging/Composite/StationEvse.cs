namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>One EVSE as the station-wide composite (evseId 0) sees it.</summary>
public sealed record StationEvse(int EvseId, EvseCapabilities Capabilities, ActiveTransaction? Transaction = null);

namespace ChargePoint.Firmware.Contracts.Diagnostics;

/// <summary>The <c>status</c> answer: the station's OCPP link and every EVSE.</summary>
public sealed record StationStatus(
    DateTimeOffset Timestamp,
    string FirmwareVersion,
    OcppLinkStatus Ocpp,
    IReadOnlyList<EvseStatus> Evses);

/// <summary>The CSMS connection: <see cref="State"/> is disabled, connecting or connected.</summary>
public sealed record OcppLinkStatus(string State, string? CsmsUrl, int SecurityProfile, string? SubProtocol);

/// <summary>One EVSE: pilot, SLAC and V2G session state, transaction, effective limits and active faults.</summary>
public sealed record EvseStatus(
    int EvseId,
    string State,
    string ConnectorStatus,
    string PilotState,
    string SlacState,
    string V2gState,
    string? V2gProtocol,
    string? EnergyService,
    string? ControlMode,
    string? TransactionId,
    PowerLimits Limits,
    IReadOnlyList<FaultInfo> Faults);

/// <summary>Effective limits (positive magnitudes, W and A) and the setpoint (negative = discharge), with what limits them.</summary>
public sealed record PowerLimits(
    double ChargeLimitWatts,
    double DischargeLimitWatts,
    double ChargeCurrentLimitAmperes,
    double DischargeCurrentLimitAmperes,
    double SetpointWatts,
    string ChargeLimitedBy,
    string DischargeLimitedBy);

public sealed record FaultInfo(string Kind, string Detail, DateTimeOffset DetectedAt);

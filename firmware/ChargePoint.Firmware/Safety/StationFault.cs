using ChargePoint.Firmware.Ocpp;
using ChargePoint.Hal.Safety;

namespace ChargePoint.Firmware.Safety;

/// <summary>A fault as the firmware reports it (OCPP, diagnostics): kind, cause, time.</summary>
public sealed record StationFault(StationFaultKind Kind, string Detail, DateTimeOffset DetectedAt)
{
    public static StationFault From(SafetyFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        return new StationFault(Enum.Parse<StationFaultKind>(fault.Kind.ToString()), fault.Detail, fault.DetectedAt);
    }

    /// <summary>The TransactionEvent stoppedReason this fault ends a transaction with.</summary>
    public TransactionStopReason StopReason => Kind switch
    {
        StationFaultKind.EmergencyStop => TransactionStopReason.EmergencyStop,
        StationFaultKind.ResidualCurrentTrip or StationFaultKind.IsolationFault => TransactionStopReason.GroundFault,
        StationFaultKind.V2gSequenceTimeout => TransactionStopReason.Timeout,
        StationFaultKind.HlcLinkLoss => TransactionStopReason.EVDisconnected,
        _ => TransactionStopReason.Other,
    };

    /// <summary>Faults of the high-level link end the session but leave the hardware healthy (not latched).</summary>
    public bool IsCommunicationFault => Kind is StationFaultKind.V2gSequenceTimeout or StationFaultKind.HlcLinkLoss;

    public override string ToString() => $"{Kind}: {Detail}";
}

using ChargePoint.Firmware.Contracts.V2g;
using ChargePoint.Firmware.Ocpp;
using ChargePoint.Firmware.Safety;

namespace ChargePoint.Firmware.Evse;

/// <summary>One finished session: outcome, energy both ways (the settlement record of issue 7) and duration.</summary>
public sealed record SessionRecord(
    int EvseId,
    string? TransactionId,
    HlcSessionOutcome Outcome,
    StationFault? Fault,
    TransactionStopReason StopReason,
    double ImportedWattHours,
    double ExportedWattHours,
    TimeSpan Duration)
{
    /// <summary>The session ended the way the EV and station intended, with no fault.</summary>
    public bool Succeeded => Fault is null && Outcome.End is HlcSessionEnd.Completed or HlcSessionEnd.StoppedByEvse;

    public double NetWattHours => ImportedWattHours - ExportedWattHours;
}

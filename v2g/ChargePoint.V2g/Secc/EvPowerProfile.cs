namespace ChargePoint.V2g.Secc;

/// <summary>One entry of the EV's power profile: <paramref name="Power"/> W for <paramref name="Duration"/>,
/// signed as in -20 ([V2G20-1034]: positive towards the EV, negative the EV feeding back).</summary>
public readonly record struct EvPowerProfileEntry(TimeSpan Duration, double Power);

/// <summary>
/// The EVPowerProfile of a PowerDeliveryReq (Start): how the EV intends to draw or return power from
/// <see cref="TimeAnchor"/> on. In Scheduled mode it names the ScheduleTuple the EV chose and whether it accepts
/// the power tolerance; the firmware reports it to the CSMS (OCPP K18: NotifyEVChargingSchedule).
/// </summary>
public sealed record EvPowerProfile(
    DateTimeOffset TimeAnchor,
    ControlMode ControlMode,
    uint? SelectedScheduleTupleId,
    bool? PowerToleranceAccepted,
    IReadOnlyList<EvPowerProfileEntry> Entries);

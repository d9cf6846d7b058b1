namespace ChargePoint.Firmware.Contracts.V2g;

/// <summary>
/// Scheduled mode: the power profile the EV proposed in PowerDeliveryReq Start (ISO 15118-20 EVPowerProfile),
/// from <see cref="TimeAnchor"/> on. <see cref="SelectedScheduleTupleId"/> is the ScheduleTuple the EV chose from
/// the ones the station offered.
/// </summary>
public sealed record HlcEvPowerProfile(
    DateTimeOffset TimeAnchor,
    uint? SelectedScheduleTupleId,
    bool? PowerToleranceAccepted,
    IReadOnlyList<HlcPowerProfileEntry> Entries);

/// <summary>One entry of an <see cref="HlcEvPowerProfile"/>: signed power (negative: the EV feeds back) for a duration.</summary>
public readonly record struct HlcPowerProfileEntry(TimeSpan Duration, double PowerWatts);
